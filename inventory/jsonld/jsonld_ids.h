// Readable ids for imported objects: "<prefix>.<slug of the name>", e.g.
// "uslci.transport-combination-truck-long-haul-diesel-powered", so that
// `calc`, `graph` and reports name imported processes and flows by what
// they are. Names that give the same slug (elementary flows of one name in
// several compartments) all get the first 8 characters of their openLCA
// UUID appended, so an id does not depend on which object came first. The
// UUID itself stays in each object's origin ("archive.zip:processes/<uuid>.json").
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace gpulca::inventory {

// "Transport, combination truck (diesel)" -> "transport-combination-truck-diesel":
// lower case, runs of other characters as one '-', at most `max` characters
// (cut at a '-'); "item" when nothing is left.
std::string Slug(const std::string& name, size_t max = 72);

// Ids for (uuid, name) pairs: uuid -> "<prefix>.<slug>" (see above).
std::map<std::string, std::string> ReadableIds(
    const std::vector<std::pair<std::string, std::string>>& objects, const std::string& prefix);

}  // namespace gpulca::inventory
