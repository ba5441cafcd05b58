// gpulca audit ORDER.toml [--threads T] [--no-record] [--format ...] [--out FILE]
// gpulca audit list | audit show ID [--format ...]
// gpulca verify ID
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/context.h"
#include "cli/options.h"
#include "lca/error.h"
#include "inventory/records/order.h"
#include "inventory/store/audit_log.h"
#include "lca/audit/audit.h"
#include "cli/usage_error.h"
#include "reports/audit_report.h"
#include "reports/xlsx_writer.h"

namespace gpulca::cli {
namespace {

using inventory::AuditLog;

struct AuditOptions {
  std::string order;
  long id = 0;
  int threads = 1;
  bool no_record = false;
  OutputOptions output, show_output;
};


// The hash that names the inventory an audit ran on, recomputed from the rows.
std::string InventoryHash(const inventory::Store& store) { return store.ContentHash(); }

std::string ParametersJson(const lca::AuditResult& r) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [name, value] : r.parameters) j[name] = value;
  return j.dump();
}

void Write(const OutputOptions& out, const lca::AuditResult& r,
           const inventory::PurchaseOrder& order, const reports::AuditContext& c) {
  const std::string& f = out.format;
  if (f == "xlsx") {
    reports::WriteXlsx(reports::AuditTables(r), out.FilePath());
  } else if (f == "json") {
    out.Write(reports::RenderAuditJson(r, order, c));
  } else if (f == "csv") {
    out.Write(reports::RenderAuditCsv(r, order, c));
  } else if (f == "md") {
    out.Write(reports::RenderAuditMarkdown(r, order, c));
  } else {
    out.Write(reports::RenderAuditTerminal(r, order, c));
  }
}

void RunAuditCommand(const Context& context, const AuditOptions& o) {
  auto store = context.Open();
  inventory::Inventory inv = store->Read();
  inventory::PurchaseOrder order = inventory::LoadOrder(o.order);
  lca::AuditOptions options;
  options.threads = o.threads;
  lca::AuditResult result = lca::RunAudit(inv, order, options);
  reports::AuditContext c;
  c.content_hash = InventoryHash(*store);
  c.created_at = inventory::UtcTimestamp();
  if (!o.no_record) {
    inventory::AuditRecord record;
    record.created_at = c.created_at;
    record.gpulca_version = GPULCA_VERSION;
    record.content_hash = c.content_hash;
    record.order_id = order.id;
    record.order = inventory::CanonicalOrderJson(order);
    record.parameters = ParametersJson(result);
    record.results = reports::AuditResultsJson(result, order);
    c.record_id = AuditLog(store->path()).Append(std::move(record)).id;
  }
  Write(o.output, result, order, c);
}

inventory::AuditRecord FindRecord(const AuditLog& log, long id) {
  auto record = log.Find(id);
  if (!record) {
    auto all = log.All();
    throw NotFound(all.empty() ? fmt::format("no audit {}: no audits are recorded", id)
                               : fmt::format("no audit {}: records run from 1 to {}", id,
                                             all.back().id));
  }
  return *record;
}

void Show(const Context& context, const AuditOptions& o) {
  auto store = context.Open();
  inventory::AuditRecord record = FindRecord(AuditLog(store->path()), o.id);
  inventory::PurchaseOrder order = inventory::OrderFromCanonicalJson(record.order);
  reports::AuditContext c{record.id, record.content_hash, record.created_at};
  Write(o.show_output, reports::ParseAuditResults(record.results), order, c);
}

void List(const Context& context) {
  auto store = context.Open();
  fmt::print("{}", reports::RenderAuditList(AuditLog(store->path()).All()));
}

void Verify(const Context& context, const AuditOptions& o) {
  auto store = context.Open();
  AuditLog log(store->path());
  inventory::AuditRecord record = FindRecord(log, o.id);
  std::vector<std::string> problems;
  for (const inventory::ChainProblem& p : log.CheckChain(o.id)) problems.push_back(p.what);

  inventory::Inventory inv = store->Read();
  inventory::PurchaseOrder order = inventory::OrderFromCanonicalJson(record.order);
  lca::AuditOptions options;
  options.threads = o.threads;
  lca::AuditResult result = lca::RunAudit(inv, order, options);
  const std::string now_hash = InventoryHash(*store);
  std::string text = fmt::format("audit {} of order {}, recorded {} by gpulca {}\n", record.id,
                                 record.order_id, record.created_at, record.gpulca_version);
  if (now_hash != record.content_hash) {
    text += fmt::format("the database changed since the audit: {} then, {} now\n",
                        record.content_hash.substr(0, 16), now_hash.substr(0, 16));
  }
  auto parameters = reports::DiffJson(record.parameters, ParametersJson(result), 10);
  for (const std::string& d : parameters) text += fmt::format("  parameter {}\n", d);
  auto results = reports::DiffJson(record.results, reports::AuditResultsJson(result, order));
  if (!results.empty()) {
    problems.push_back(fmt::format("audit {}: its results do not reproduce ({} difference{}{})",
                                   record.id, results.size(), results.size() == 1 ? "" : "s",
                                   results.size() >= 20 ? " or more" : ""));
    for (const std::string& d : results) text += fmt::format("  result {}\n", d);
  }
  if (problems.empty()) {
    text += fmt::format("verified: the chain is intact through record {} and the results "
                        "reproduce\n", record.id);
    fmt::print("{}", text);
    return;
  }
  fmt::print("{}", text);
  throw VerificationError(fmt::format("audit {} does not verify:\n  {}", record.id,
                                      fmt::join(problems, "\n  ")));
}

}  // namespace

void AddAuditCommands(CLI::App& app, Context& context) {
  auto o = std::make_shared<AuditOptions>();
  auto* audit = app.add_subcommand("audit", "Audit a purchase order and record it (docs/audit.md)");
  audit->add_option("order", o->order, "The order file (TOML; see data/examples/)")
      ->check(CLI::ExistingFile);
  audit->add_option("--threads", o->threads, "Monte Carlo threads")->check(CLI::Range(1, 256));
  audit->add_flag("--no-record", o->no_record, "Do not record the audit in the database");
  o->output.Add(*audit, "terminal", {"terminal", "md", "json", "csv", "xlsx"});
  audit->callback([&context, o, audit] {
    if (audit->get_subcommands().empty()) {
      if (o->order.empty()) throw UsageError("audit: give an order file, or 'list' or 'show ID'");
      RunAuditCommand(context, *o);
    }
  });
  auto* list = audit->add_subcommand("list", "The recorded audits");
  list->callback([&context] { List(context); });
  auto* show = audit->add_subcommand("show", "One recorded audit, as it was recorded");
  show->add_option("id", o->id, "The audit's id (see 'audit list')")
      ->required()
      ->check(RecordId);
  o->show_output.Add(*show, "terminal", {"terminal", "md", "json", "csv", "xlsx"});
  show->callback([&context, o] { Show(context, *o); });

  auto* verify = app.add_subcommand(
      "verify", "Check a recorded audit's hash chain and recompute its results");
  verify->add_option("id", o->id, "The audit's id (see 'audit list')")
      ->required()
      ->check(RecordId);
  verify->add_option("--threads", o->threads, "Monte Carlo threads")->check(CLI::Range(1, 256));
  verify->callback([&context, o] { Verify(context, *o); });
}

}  // namespace gpulca::cli
