#include "tests/reports/xlsx_reader.h"

#include <zip.h>

#include <regex>
#include <stdexcept>

namespace gpulca::test {
namespace {

std::string Entry(zip_t* zip, const std::string& name) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip, name.c_str(), 0, &st) != 0) throw std::runtime_error("no entry " + name);
  zip_file_t* file = zip_fopen(zip, name.c_str(), 0);
  if (!file) throw std::runtime_error("cannot open " + name);
  std::string data(static_cast<size_t>(st.size), '\0');
  zip_int64_t got = zip_fread(file, data.data(), data.size());
  zip_fclose(file);
  if (got != static_cast<zip_int64_t>(st.size)) throw std::runtime_error("short read of " + name);
  return data;
}

std::string Unescape(std::string s) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : kEntities) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) {
      s.replace(at, std::string(from).size(), to);
    }
  }
  return s;
}

// "BC12" -> (11, 54).
std::pair<int, int> Position(const std::string& ref) {
  int col = 0;
  size_t i = 0;
  for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])); ++i) {
    col = col * 26 + (ref[i] - 'A' + 1);
  }
  return {std::stoi(ref.substr(i)) - 1, col - 1};
}

template <typename F>
void Each(const std::string& text, const std::regex& re, F f) {
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it) {
    f(*it);
  }
}

}  // namespace

std::vector<XlsxSheet> ReadXlsx(const std::string& path) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (!zip) throw std::runtime_error("cannot open " + path + " as a zip archive");
  std::vector<XlsxSheet> sheets;
  try {
    std::map<std::string, std::string> targets;  // rId -> xl/worksheets/sheetN.xml
    Each(Entry(zip, "xl/_rels/workbook.xml.rels"),
         std::regex(R"re(<Relationship Id="([^"]+)" Type="[^"]*/worksheet" Target="([^"]+)")re"),
         [&](const std::smatch& m) { targets[m[1]] = "xl/" + m[2].str(); });
    std::vector<std::string> shared;
    if (zip_name_locate(zip, "xl/sharedStrings.xml", 0) >= 0) {
      Each(Entry(zip, "xl/sharedStrings.xml"), std::regex(R"re(<si><t[^>]*>([^<]*)</t></si>)re"),
           [&](const std::smatch& m) { shared.push_back(Unescape(m[1])); });
    }
    const std::regex cell(R"re(<c r="([A-Z]+[0-9]+)"((?: [a-z]+="[^"]*")*)(?:/>|>(.*?)</c>))re");
    Each(Entry(zip, "xl/workbook.xml"),
         std::regex(R"re(<sheet name="([^"]+)" sheetId="[0-9]+" r:id="([^"]+)")re"),
         [&](const std::smatch& m) {
           XlsxSheet sheet;
           sheet.name = Unescape(m[1]);
           std::string xml = Entry(zip, targets.at(m[2]));
           Each(xml, cell, [&](const std::smatch& c) {
             auto pos = Position(c[1]);
             sheet.rows = std::max(sheet.rows, pos.first + 1);
             std::string attributes = c[2], body = c[3];
             std::smatch v;
             if (!std::regex_search(body, v, std::regex("<v>([^<]*)</v>"))) {
               std::smatch is;
               if (std::regex_search(body, is, std::regex("<t[^>]*>([^<]*)</t>"))) {
                 sheet.text[pos] = Unescape(is[1]);
               }
               return;
             }
             if (attributes.find("t=\"s\"") != std::string::npos) {
               sheet.text[pos] = shared.at(std::stoul(v[1]));
             } else if (attributes.find("t=\"str\"") != std::string::npos) {
               sheet.text[pos] = Unescape(v[1]);
             } else {
               sheet.numbers[pos] = std::stod(v[1]);
             }
           });
           sheets.push_back(std::move(sheet));
         });
  } catch (...) {
    zip_discard(zip);
    throw;
  }
  zip_discard(zip);
  return sheets;
}

}  // namespace gpulca::test
