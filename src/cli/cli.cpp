#include "cli/cli.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <iostream>
#include <vector>

#include "core/suggest.hpp"

namespace mb::cli {

namespace {

struct Command {
  const char* name;
  const char* summary;
  std::function<void(CLI::App&, BuildOptions&)> add_options;
};

void source_options(CLI::App& app, BuildOptions& o) {
  app.add_option("-s,--source", o.source, "Site folder holding site.yaml, content/, data/ and themes/")
      ->capture_default_str();
  app.add_option("-j,--jobs", o.jobs, "Worker threads for parsing and rendering (0: one per core)")
      ->capture_default_str();
}

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"build", "Build the site into public/ (replaced only when the whole build succeeds)",
       [](CLI::App& app, BuildOptions& o) {
         source_options(app, o);
         app.add_option("-o,--output", o.output, "Output folder (default: <source>/public)");
         app.add_option("--base-url", o.base_url, "Override base_url from site.yaml, e.g. https://example.gov.vn/bao-cao/");
         app.add_flag("-q,--quiet", o.quiet, "Print only diagnostics");
         app.add_flag("-v,--verbose", o.verbose, "Print the time each stage takes");
       }},
      {"check", "Validate the whole site without writing output (for CI)",
       [](CLI::App& app, BuildOptions& o) {
         source_options(app, o);
         o.write = false;
         app.add_option("--format", o.json, "Diagnostics format: text or json (one JSON object per line)")
             ->transform(CLI::CheckedTransformer(std::map<std::string, bool>{{"text", false}, {"json", true}}));
       }},
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
  std::vector<BuildOptions> options(commands().size());
  std::vector<CLI::App*> subs;
  for (std::size_t i = 0; i < commands().size(); ++i) {
    CLI::App* sub = app.add_subcommand(commands()[i].name, commands()[i].summary);
    commands()[i].add_options(*sub, options[i]);
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
    if (subs[i]->parsed()) return build(options[i], std::cout, std::cerr);
  return kUsageError;
}

}  // namespace mb::cli
