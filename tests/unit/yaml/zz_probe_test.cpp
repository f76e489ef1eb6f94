#include <doctest/doctest.h>
#include "test_util.hpp"
#include "yaml/read.hpp"
using namespace mb;
TEST_CASE("zzprobe") {
  SourceFile f("f.yaml", "a: 14.000\nb: \"14000\"\nc: |\n  x\n  \ty\n");
  Diagnostics d; yaml::Node root;
  bool ok = yaml::parse(f, 0, f.text().size(), root, d);
  MESSAGE(ok);
  MESSAGE(test::all_text(d));
  SourceFile f2("f.yaml", "a: 14.000\nb: \"14000\"\n");
  Diagnostics d2; yaml::Node root2;
  yaml::parse(f2, 0, f2.text().size(), root2, d2);
  yaml::Reader r{f2, d2};
  auto v = r.number(*root2.find("a"), "a");
  MESSAGE(v.has_value());
  if (v) MESSAGE(*v);
  r.number(*root2.find("b"), "b");
  MESSAGE(test::all_text(d2));
}
