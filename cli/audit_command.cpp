// gpulca audit ORDER.toml [--threads T] [--no-record] [--format ...] [--out FILE]
// gpulca audit list | audit show ID [--format ...]
// gpulca audit keygen KEY | audit head --key KEY [--out FILE]
// gpulca verify [ID] [--since HEAD] [--public-key FILE]
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/context.h"
#include "cli/declarations.h"
#include "cli/options.h"
#include "cli/output.h"
#include "lca/error.h"
#include "inventory/records/order.h"
#include "inventory/store/audit_log.h"
#include "inventory/store/signing_key.h"
#include "inventory/store/tree_head.h"
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
  bool calibrated = false;  // audit --calibrated: as [audit] calibrated = true
  OutputOptions output, show_output, head_output;
  std::string key;         // audit keygen / audit head: the private key file
  std::string since;       // verify --since: a tree head kept elsewhere
  std::string public_key;  // verify --public-key: the key heads must be signed by
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

// The library's options for `order`: a calibrated order calibrates on the
// database's published footprints (<data>/validation), the same ones when
// the audit runs and when verify recomputes it.
lca::AuditOptions LibraryOptions(const Context& context, const inventory::Inventory& inv,
                                 const inventory::PurchaseOrder& order, int threads) {
  lca::AuditOptions options;
  options.threads = threads;
  if (order.calibrated && order.iterations > 0) {
    DeclarationOptions declarations;
    options.declarations = declarations.Load(context, inv);
    options.min_ess = declarations.min_ess;
  }
  return options;
}

void RunAuditCommand(const Context& context, const AuditOptions& o) {
  auto store = context.Open();
  inventory::Inventory inv = store->Read();
  inventory::PurchaseOrder order = inventory::LoadOrder(o.order);
  if (o.calibrated) order.calibrated = true;
  if (order.calibrated && order.iterations == 0) {
    throw UsageError(fmt::format("{}: a calibrated audit weighs the Monte Carlo interval, and "
                                 "[audit] iterations is 0", o.order));
  }
  lca::AuditResult result =
      lca::RunAudit(inv, order, LibraryOptions(context, inv, order, o.threads));
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
  Print(reports::RenderAuditList(AuditLog(store->path()).All()));
}

void KeyGen(const AuditOptions& o) {
  const std::string public_key = inventory::SigningKey::Generate(o.key).PublicKeyHex();
  fmt::print("made Ed25519 key {} in {} (private: keep it so) and its public key in {}.pub\n",
             inventory::KeyId(public_key), o.key, o.key);
}

void Head(const Context& context, const AuditOptions& o) {
  const inventory::SigningKey key = inventory::SigningKey::Load(o.key);
  auto store = context.Open();
  inventory::TreeHead head =
      AuditLog(store->path()).SignHead(key, inventory::UtcTimestamp());
  o.head_output.Write(inventory::TreeHeadJson(head));
}

// Checks the log against one signed head; a consistent head adds a line to
// `text`, anything else to `problems`.
void CheckHead(const inventory::TreeHead& head, const std::string& label,
               const std::vector<inventory::merkle::Hash>& leaves, long record,
               const std::optional<std::string>& trusted_key, std::string& text,
               std::vector<std::string>& problems) {
  const std::string key_id = inventory::KeyId(head.public_key);
  if (!inventory::HasValidSignature(head)) {
    problems.push_back(fmt::format("{} does not carry a valid signature of key {}: it was "
                                   "altered", label, key_id));
    return;
  }
  if (trusted_key && head.public_key != *trusted_key) {
    problems.push_back(fmt::format("{} is signed by key {}, not by the key given with "
                                   "--public-key ({})", label, key_id,
                                   inventory::KeyId(*trusted_key)));
    return;
  }
  auto found = inventory::CheckAgainstHead(leaves, head, static_cast<uint64_t>(record), label);
  if (!found.empty()) {
    problems.insert(problems.end(), found.begin(), found.end());
    return;
  }
  text += fmt::format("the log extends {}: {} record{}, root {}, signed {} by key {}{}\n", label,
                      head.tree_size, head.tree_size == 1 ? "" : "s", head.root_hash.substr(0, 16),
                      head.signed_at, key_id, trusted_key ? " (the key given)" : "");
}

// The audit's results recomputed on the database as it is now; differences
// are problems.
void Recompute(const Context& context, const inventory::Store& store,
               const inventory::AuditRecord& record, int threads, std::string& text,
               std::vector<std::string>& problems) {
  inventory::Inventory inv = store.Read();
  inventory::PurchaseOrder order = inventory::OrderFromCanonicalJson(record.order);
  lca::AuditResult result =
      lca::RunAudit(inv, order, LibraryOptions(context, inv, order, threads));
  const std::string now_hash = InventoryHash(store);
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
}

void Verify(const Context& context, const AuditOptions& o) {
  if (o.id == 0 && o.since.empty()) {
    throw UsageError("verify: give an audit id, or --since HEAD to check the whole log against "
                     "a tree head");
  }
  // The files the user names are read before the database is opened.
  std::optional<inventory::TreeHead> since;
  if (!o.since.empty()) since = inventory::ReadTreeHead(o.since);
  std::optional<std::string> trusted_key;
  if (!o.public_key.empty()) trusted_key = inventory::ReadPublicKeyHex(o.public_key);

  auto store = context.Open();
  AuditLog log(store->path());
  std::optional<inventory::AuditRecord> record;
  if (o.id > 0) record = FindRecord(log, o.id);
  std::vector<std::string> problems;
  for (const inventory::ChainProblem& p : log.CheckChain(o.id)) problems.push_back(p.what);

  std::string text = record ? fmt::format("audit {} of order {}, recorded {} by gpulca {}\n",
                                          record->id, record->order_id, record->created_at,
                                          record->gpulca_version)
                            : std::string();
  const std::vector<inventory::merkle::Hash> leaves = log.LeafHashes();
  if (since) {
    CheckHead(*since, fmt::format("the head in {}", o.since), leaves, o.id, trusted_key, text,
              problems);
    if (!trusted_key) {
      text += "  (its signature was checked against the key written in the head; give "
              "--public-key to require your own)\n";
    }
  }
  const std::vector<inventory::TreeHead> kept = log.Heads();
  for (size_t i = 0; i < kept.size(); ++i) {
    CheckHead(kept[i], fmt::format("kept head {} of {}", i + 1, kept[i].signed_at), leaves, o.id,
              trusted_key, text, problems);
  }
  if (record) Recompute(context, *store, *record, o.threads, text, problems);
  Print(text);
  if (!problems.empty()) {
    const std::string what = record ? fmt::format("audit {}", record->id)
                                    : std::string("the audit log");
    throw VerificationError(fmt::format("{} does not verify:\n  {}", what,
                                        fmt::join(problems, "\n  ")));
  }
  if (record) {
    Print(fmt::format("verified: the chain is intact through record {} and the results "
                      "reproduce\n", record->id));
  } else {
    Print(fmt::format("verified: the chain is intact through record {} and the log extends the "
                      "head\n", leaves.size()));
  }
}

}  // namespace

void AddAuditCommands(CLI::App& app, Context& context) {
  auto o = std::make_shared<AuditOptions>();
  auto* audit = app.add_subcommand("audit", "Audit a purchase order and record it (docs/audit.md)");
  audit->add_option("order", o->order, "The order file (TOML; see data/examples/)")
      ->check(CLI::ExistingFile);
  audit->add_option("--threads", o->threads, "Monte Carlo threads")->check(CLI::Range(1, 256));
  audit->add_flag("--no-record", o->no_record, "Do not record the audit in the database");
  audit->add_flag("--calibrated", o->calibrated,
                  "Each line's interval as the posterior of a calibration on the published "
                  "footprints, less those of the line's product (as [audit] calibrated = true)");
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

  auto* keygen = audit->add_subcommand(
      "keygen", "Make an Ed25519 key to sign the log's tree heads (docs/audit.md)");
  keygen->add_option("key", o->key, "The new private key file (its public key goes to KEY.pub)")
      ->required();
  keygen->callback([o] { KeyGen(*o); });
  auto* head = audit->add_subcommand(
      "head", "Sign the head of the audit log's Merkle tree; keep it outside the database");
  head->add_option("--key", o->key, "The Ed25519 private key file (see 'audit keygen')")
      ->required()
      ->check(CLI::ExistingFile);
  head->add_option("--out", o->head_output.out, "Write the head here (default: standard output)");
  head->callback([&context, o] { Head(context, *o); });

  auto* verify = app.add_subcommand(
      "verify", "Check a recorded audit's hash chain and recompute its results; check the log "
                "against a signed tree head");
  verify->add_option("id", o->id, "The audit's id (see 'audit list')")->check(RecordId);
  verify->add_option("--since", o->since,
                     "A tree head kept from 'audit head': the log must still extend it")
      ->check(CLI::ExistingFile);
  verify->add_option("--public-key", o->public_key,
                     "The key every head must be signed by (a PEM file, e.g. KEY.pub)")
      ->check(CLI::ExistingFile);
  verify->add_option("--threads", o->threads, "Monte Carlo threads")->check(CLI::Range(1, 256));
  verify->callback([&context, o] { Verify(context, *o); });
}

}  // namespace gpulca::cli
