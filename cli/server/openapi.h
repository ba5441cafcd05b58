// The OpenAPI 3.0 document of gpulca serve's API, written from the route
// table (routes.h): every route, its parameters, body, formats and errors.
#pragma once

#include <string>

namespace gpulca::cli::server {

// The document as JSON text.
std::string OpenApiJson();

}  // namespace gpulca::cli::server
