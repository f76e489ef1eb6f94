#include "cli/scaffold.hpp"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "cli/cli.hpp"
#include "core/file_system.hpp"
#include "core/hash.hpp"
#include "core/suggest.hpp"
#include "i18n/text.hpp"

namespace mb::cli {

namespace fs = std::filesystem;

namespace {

struct Files {
  std::string vi_path, en_path, vi, en;
};

std::string twin_header(const std::string& vi_text) {
  return "---\n# Bản tiếng Anh: chỉ chứa văn bản; số liệu nằm ở tệp tiếng Việt.\n"
         "# English twin: text only; every number is in the Vietnamese file.\n"
         "translation_of: \"" + hash_hex(hash_bytes(vi_text)).substr(0, 12) + "\"\n";
}

Files locality_files(const std::string& root, const std::string& slug) {
  Files f;
  std::string dir = join_path(root, "content/localities/" + slug);
  f.vi_path = dir + "/_index.vi.md";
  f.en_path = dir + "/_index.en.md";
  f.vi = "---\n"
         "# Hồ sơ địa phương — xem docs/content.md. Locality profile, see docs/content.md.\n"
         "title: \"Phường " + slug + "\"          # tên đầy đủ, có dấu / full name with diacritics\n"
         "kind: ward                       # ward | commune | town (phường | xã | thị trấn)\n"
         "province: \"Tên tỉnh\"             # tỉnh, thành phố / province or city\n"
         "# district: \"Tên huyện\"          # nếu có / if any\n"
         "# area_km2: 0.84                 # hoặc area_ha; số viết kiểu YAML: 0.84, 14000\n"
         "# population: {value: 14000, note: hơn}\n"
         "# households: 4075\n"
         "summary: \"Một câu giới thiệu địa phương.\"\n"
         "---\n\nGiới thiệu địa phương, theo báo cáo.\n";
  f.en = twin_header(f.vi) +
         "title: \"" + slug + " Ward\"\n"
         "province: \"Province name\"\n"
         "summary: \"One sentence about the locality.\"\n"
         "---\n\nAbout the locality, as the report describes it.\n";
  return f;
}

// "2025" → 2025-01-01..2025-12-31; "2021-2025" → 2021-01-01..2025-12-31.
bool period_dates(const std::string& period, std::string& from, std::string& to) {
  auto year = [](const std::string& s) {
    return s.size() == 4 && s.find_first_not_of("0123456789") == std::string::npos;
  };
  if (year(period)) {
    from = period + "-01-01", to = period + "-12-31";
    return true;
  }
  if (period.size() == 9 && period[4] == '-' && year(period.substr(0, 4)) && year(period.substr(5))) {
    from = period.substr(0, 4) + "-01-01", to = period.substr(5) + "-12-31";
    return true;
  }
  return false;
}

Files report_files(const std::string& root, const NewOptions& o, const std::string& from, const std::string& to) {
  Files f;
  std::string dir = join_path(root, "content/localities/" + o.locality + "/reports");
  f.vi_path = dir + "/" + o.slug + ".vi.md";
  f.en_path = dir + "/" + o.slug + ".en.md";
  f.vi = "---\n"
         "# Báo cáo — xem docs/content.md. Report, see docs/content.md.\n"
         "title: \"Báo cáo kết quả công tác dân vận chính quyền\"\n"
         "kind: " + o.kind + "                     # annual | semiannual | quarterly | five-year-review | ten-year-review | thematic\n"
         "period: {from: " + from + ", to: " + to + "}\n"
         "number: \"\"                       # số, ký hiệu như bản gốc, ví dụ 426/BC-UBND; để trống nếu bản gốc trống\n"
         "# date: " + to + "               # ngày ban hành; hoặc YYYY-MM, YYYY nếu bản gốc chỉ ghi tháng, năm\n"
         "issuer: \"UBND\"                   # cơ quan ban hành, ví dụ UBND phường Trường Thi\n"
         "# recipient: \"\"                  # Kính gửi\n"
         "signer: {name: \"Họ và tên\", title: \"Chủ tịch\"}\n"
         "# distribution: [\"Như trên;\", \"Lưu: VP.\"]   # Nơi nhận\n"
         "# directives: [33/CT-TTg]         # văn bản được trích dẫn\n"
         "# indicators:                     # số liệu báo cáo nêu, id trong data/indicators.yaml\n"
         "#   citizen_receptions: 7\n"
         "#   satisfaction_rate: {value: 98, note: trên}\n"
         "# initiatives: []                 # mô hình của địa phương được nhắc đến\n"
         "summary: \"Một hoặc hai câu tóm tắt báo cáo.\"\n"
         "---\n\n## I. KẾT QUẢ\n\nToàn văn báo cáo, từ đoạn đầu đến câu kết.\n";
  f.en = twin_header(f.vi) +
         "title: \"Report on government mass mobilisation work\"\n"
         "issuer: \"People's Committee\"\n"
         "signer: {title: \"Chairman\"}\n"
         "summary: \"One or two sentences summarising the report.\"\n"
         "---\n\n## I. RESULTS\n\nThe complete translation, same headings as the Vietnamese.\n";
  return f;
}

// The first field of data/fields.yaml, so the scaffold names one that exists.
std::string first_field(const std::string& root) {
  std::ifstream in(join_path(root, "data/fields.yaml"));
  for (std::string line; std::getline(in, line);) {
    std::size_t colon = line.find(':');
    if (colon != std::string::npos && colon > 0 && i18n::is_valid_slug(line.substr(0, colon))) return line.substr(0, colon);
  }
  return "party-government";
}

Files initiative_files(const std::string& root, const NewOptions& o) {
  Files f;
  std::string dir = join_path(root, "content/localities/" + o.locality + "/initiatives");
  f.vi_path = dir + "/" + o.slug + ".vi.md";
  f.en_path = dir + "/" + o.slug + ".en.md";
  f.vi = "---\n"
         "# Mô hình \"Dân vận khéo\" — xem docs/content.md. Initiative, see docs/content.md.\n"
         "title: \"Tên mô hình\"\n"
         "field: " + first_field(root) + "          # id trong data/fields.yaml\n"
         "status: registered               # registered | ongoing | completed | recognized\n"
         "# year: 2025                     # năm bắt đầu, chỉ khi báo cáo nêu\n"
         "# dan_van_kheo: false            # nếu không phải mô hình \"Dân vận khéo\"\n"
         "# results:                       # kết quả báo cáo nêu, id trong data/measures.yaml\n"
         "summary: \"Một câu giới thiệu mô hình.\"\n"
         "---\n\nMô hình theo lời báo cáo.\n";
  f.en = twin_header(f.vi) +
         "title: \"Name of the model\"\n"
         "summary: \"One sentence about the model.\"\n"
         "---\n\nThe model, as the report describes it.\n";
  return f;
}

int refuse(std::ostream& err, const std::string& message, const std::string& hint) {
  err << "minhbach: " << message << "\n";
  if (!hint.empty()) err << "  hint: " << hint << "\n";
  return kContentError;
}

bool check_slug(std::ostream& err, const std::string& slug, const char* what) {
  if (i18n::is_valid_slug(slug)) return true;
  std::string suggestion = i18n::slugify(slug);
  refuse(err, std::string(what) + " '" + slug + "' is not a valid slug",
         "use lower-case ASCII letters, digits and hyphens" +
             (suggestion.empty() ? std::string() : ", e.g. '" + suggestion + "'"));
  return false;
}

}  // namespace

int scaffold(const NewOptions& o, std::ostream& out, std::ostream& err) {
  const std::string& root = o.source;
  if (!fs::is_regular_file(join_path(root, "site.yaml"))) {
    err << "minhbach: no site.yaml in '" << root << "'\n  hint: run minhbach in a site folder, or name one with --source\n";
    return kUsageError;
  }
  if (!check_slug(err, o.slug, o.what == "locality" ? "locality" : o.what.c_str())) return kContentError;
  Files files;
  if (o.what == "locality") {
    files = locality_files(root, o.slug);
  } else {
    if (!check_slug(err, o.locality, "locality")) return kContentError;
    if (!fs::is_regular_file(join_path(root, "content/localities/" + o.locality + "/_index.vi.md"))) {
      std::vector<std::string> known;
      std::error_code ec;
      for (const auto& e : fs::directory_iterator(join_path(root, "content/localities"), ec)) known.push_back(e.path().filename());
      std::string hint = did_you_mean(o.locality, known);
      return refuse(err, "no locality '" + o.locality + "'",
                    hint.empty() ? "create it first: minhbach new locality " + o.locality : hint);
    }
    if (o.what == "report") {
      std::string from, to;
      // A scaffold, unlike a build, may read the clock: the likely period is this year's.
      std::string period = o.period;
      if (period.empty()) {
        std::time_t now = std::time(nullptr);
        period = std::to_string(std::gmtime(&now)->tm_year + 1900);
      }
      if (!period_dates(period, from, to))
        return refuse(err, "--period must be a year (2025) or a range of years (2021-2025), found '" + o.period + "'", "");
      files = report_files(root, o, from, to);
    } else {
      files = initiative_files(root, o);
    }
  }
  for (const std::string& path : {files.vi_path, files.en_path})
    if (fs::exists(path)) return refuse(err, path + " already exists", "choose another slug; minhbach new never overwrites");
  std::error_code ec;
  fs::create_directories(fs::path(files.vi_path).parent_path(), ec);
  for (const auto& [path, text] : {std::pair{files.vi_path, files.vi}, std::pair{files.en_path, files.en}}) {
    std::ofstream file(path, std::ios::binary);
    file << text;
    if (!file) {
      err << "minhbach: cannot write " << path << "\n";
      return kUsageError;
    }
    out << "created " << path << "\n";
  }
  out << "Fill in the Vietnamese file first, then translate the English one; check with: minhbach check\n";
  return kOk;
}

}  // namespace mb::cli
