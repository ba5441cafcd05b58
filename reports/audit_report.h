// Renderers of a procurement audit (`gpulca audit`, `audit show`, `verify`):
// pure functions from results and records to text. The JSON of an audit's
// results is also what its record stores and what `verify` recomputes and
// compares, so it holds results only — no time, version or database hash
// (those are fields of the record).
#pragma once

#include <string>
#include <vector>

#include "inventory/records/order.h"
#include "inventory/store/audit_log.h"
#include "lca/audit/audit.h"
#include "reports/internal/table.h"

namespace gpulca::reports {

// What a rendered audit says about where it is kept.
struct AuditContext {
  long record_id = 0;          // 0: not recorded
  std::string content_hash;    // of the database's inventory
  std::string created_at;
};

// The results as canonical JSON (sorted keys, compact): the record's
// `results`. DESIGN.md's shape: demand, impacts (the order's embodied total,
// cradle to gate), stages; plus life_cycle, lines and verdicts.
std::string AuditResultsJson(const lca::AuditResult& result, const inventory::PurchaseOrder& order);

// The results back from AuditResultsJson (for `audit show`, which renders a
// record as it was recorded). The parameters are not part of the results.
// Throws InputError when the text is not such a JSON.
lca::AuditResult ParseAuditResults(const std::string& json);

std::string RenderAuditTerminal(const lca::AuditResult& result,
                                const inventory::PurchaseOrder& order, const AuditContext& context);
std::string RenderAuditMarkdown(const lca::AuditResult& result,
                                const inventory::PurchaseOrder& order, const AuditContext& context);
// AuditResultsJson, indented, with the record's id, time and content hash.
std::string RenderAuditJson(const lca::AuditResult& result, const inventory::PurchaseOrder& order,
                            const AuditContext& context);
// The tidy CSV (internal/tidy_csv.h): run, assumptions, totals, then by
// order line its lines rows, verdicts and what_ifs.
std::string RenderAuditCsv(const lca::AuditResult& result, const inventory::PurchaseOrder& order,
                           const AuditContext& context);

// Spreadsheet tables: "Lines" (per unit and per line, interval, declared,
// per GPU-hour), "Totals" (every impact of the order), "Verdicts" and
// "What-ifs".
std::vector<Table> AuditTables(const lca::AuditResult& result);

// `audit list`: one row per record.
std::string RenderAuditList(const std::vector<inventory::AuditRecord>& records);

// The numbers of `recomputed` that differ from `stored` (both JSON texts of
// the same shape), as "path: stored -> recomputed", at most `limit` of
// them; numbers agree within a relative 1e-9. A change of shape (a key or
// element missing on one side) is a difference too.
std::vector<std::string> DiffJson(const std::string& stored, const std::string& recomputed,
                                  size_t limit = 20);

}  // namespace gpulca::reports
