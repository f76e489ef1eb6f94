#include "cli/cli.hpp"

int main(int argc, char** argv) {
  return mb::cli::run(argc, argv);
}
