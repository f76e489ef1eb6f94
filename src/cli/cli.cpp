#include "cli/cli.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <memory>
#include <iostream>
#include <vector>

#include "cli/importer.hpp"
#include "cli/scaffold.hpp"
#include "server/preview.hpp"
#include "core/suggest.hpp"

namespace mb::cli {

namespace {

// A command adds its options to its CLI11 subcommand and returns what runs it.
struct Command {
  const char* name;
  const char* summary;
  std::function<std::function<int()>(CLI::App&)> setup;
};

void source_options(CLI::App& app, std::string& source) {
  app.add_option("-s,--source", source, "Site folder holding site.yaml, content/, data/ and themes/")
      ->capture_default_str();
}

std::function<int()> build_command(CLI::App& app) {
  auto o = std::make_shared<BuildOptions>();
  source_options(app, o->source);
  app.add_option("-j,--jobs", o->jobs, "Worker threads for parsing and rendering (0: one per core)")->capture_default_str();
  app.add_option("-o,--output", o->output, "Output folder (default: <source>/public)");
  app.add_option("--base-url", o->base_url, "Override base_url from site.yaml, e.g. https://example.gov.vn/bao-cao/");
  app.add_flag("-q,--quiet", o->quiet, "Print only diagnostics");
  app.add_flag("-v,--verbose", o->verbose, "Print the time each stage takes");
  return [o] { return build(*o, std::cout, std::cerr); };
}

std::function<int()> check_command(CLI::App& app) {
  auto o = std::make_shared<BuildOptions>();
  o->write = false;
  source_options(app, o->source);
  app.add_option("-j,--jobs", o->jobs, "Worker threads for parsing and rendering (0: one per core)")->capture_default_str();
  app.add_option("--format", o->json, "Diagnostics format: text or json (one JSON object per line)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, bool>{{"text", false}, {"json", true}}));
  return [o] { return build(*o, std::cout, std::cerr); };
}

std::function<int()> serve_command(CLI::App& app) {
  auto o = std::make_shared<server::ServeOptions>();
  source_options(app, o->root);
  app.add_option("--host", o->host, "Address to listen on; anything but 127.0.0.1 is reachable from other machines")
      ->capture_default_str();
  app.add_option("-p,--port", o->port, "Port to listen on")->capture_default_str()->check(CLI::Range(1, 65535));
  app.add_option("-j,--jobs", o->jobs, "Worker threads for parsing and rendering (0: one per core)")->capture_default_str();
  app.add_flag("-q,--quiet", o->quiet, "Print only diagnostics");
  app.add_option("-o,--output", o->output, "Build the preview into this folder (default: a private folder, removed on exit)");
  return [o] { return server::serve(*o, std::cout, std::cerr); };
}

std::function<int()> import_command(CLI::App& app) {
  auto o = std::make_shared<ImportOptions>();
  app.add_option("file", o->file, "A plain-text export of the report (UTF-8)")->required();
  source_options(app, o->source);
  app.add_option("--locality", o->locality, "Write it as a report of this locality (else print it)");
  app.add_option("--slug", o->slug, "The report's slug (default: <year>-bao-cao)");
  app.add_option("--kind", o->kind, "annual | semiannual | quarterly | five-year-review | ten-year-review | thematic")
      ->check(CLI::IsMember({"annual", "semiannual", "quarterly", "five-year-review", "ten-year-review", "thematic"}))
      ->capture_default_str();
  app.add_option("--period", o->period, "A year (2025) or years (2021-2025); default: the year of the report's date");
  return [o] { return import_report(*o, std::cout, std::cerr); };
}

std::function<int()> new_command(CLI::App& app) {
  auto o = std::make_shared<NewOptions>();
  app.require_subcommand(1);
  source_options(app, o->source);
  CLI::App* locality = app.add_subcommand("locality", "A locality: content/localities/<slug>/_index.vi.md and .en.md");
  locality->add_option("slug", o->slug, "The locality's slug, e.g. truong-thi")->required();
  locality->callback([o] { o->what = "locality"; });
  CLI::App* report = app.add_subcommand("report", "A report of a locality: reports/<slug>.vi.md and .en.md");
  report->add_option("locality", o->locality, "The locality's slug")->required();
  report->add_option("slug", o->slug, "The report's slug, e.g. 2025-chi-thi-33")->required();
  report->add_option("--kind", o->kind, "annual | semiannual | quarterly | five-year-review | ten-year-review | thematic")
      ->check(CLI::IsMember({"annual", "semiannual", "quarterly", "five-year-review", "ten-year-review", "thematic"}))
      ->capture_default_str();
  report->add_option("--period", o->period, "A year (2025) or years (2021-2025); default: this year");
  report->callback([o] { o->what = "report"; });
  CLI::App* initiative = app.add_subcommand("initiative", "A \"Dân vận khéo\" model of a locality: initiatives/<slug>.vi.md and .en.md");
  initiative->add_option("locality", o->locality, "The locality's slug")->required();
  initiative->add_option("slug", o->slug, "The initiative's slug, e.g. tranh-bich-hoa")->required();
  initiative->callback([o] { o->what = "initiative"; });
  return [o] { return scaffold(*o, std::cout, std::cerr); };
}

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"build", "Build the site into public/ (replaced only when the whole build succeeds)", build_command},
      {"check", "Validate the whole site without writing output (for CI)", check_command},
      {"serve", "Preview the site on 127.0.0.1:1313, rebuilding and reloading pages as files change", serve_command},
      {"new", "Create a locality, report or initiative in both languages, ready to fill in", new_command},
      {"import", "Turn a plain-text report into a report skeleton to check and complete", import_command},
  };
  return table;
}

std::vector<std::string> command_names() {
  std::vector<std::string> names;
  for (const Command& c : commands()) names.push_back(c.name);
  return names;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"Minh Bạch: a static site generator for ward and commune reports on government mass "
               "mobilisation work, in Vietnamese and English.",
               "minhbach"};
  app.set_version_flag("--version", "minhbach 0.1.0");
  app.require_subcommand(1);
  app.footer("Exit codes: 0 ok, 1 content errors, 2 usage or environment errors.\n"
             "Run 'minhbach <command> --help' for a command's options.");
  std::vector<std::function<int()>> runners;
  std::vector<CLI::App*> subs;
  for (const Command& c : commands()) {
    CLI::App* sub = app.add_subcommand(c.name, c.summary);
    runners.push_back(c.setup(*sub));
    subs.push_back(sub);
  }
  // ninja-style: a mistyped command gets a suggestion, not a generic error.
  if (argc > 1 && argv[1][0] != '-') {
    std::string word = argv[1];
    std::vector<std::string> names = command_names();
    if (std::find(names.begin(), names.end(), word) == names.end()) {
      std::cerr << "minhbach: unknown command '" << word << "'\n";
      std::string hint = did_you_mean(word, names);
      if (!hint.empty()) std::cerr << "  hint: " << hint << "\n";
      std::cerr << "  run 'minhbach --help' to list the commands\n";
      return kUsageError;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kUsageError;
  }
  for (std::size_t i = 0; i < subs.size(); ++i)
    if (subs[i]->parsed()) return runners[i]();
  return kUsageError;
}

}  // namespace mb::cli
