// The HTML report rendered by headless Chromium (Debian's `chromium`, which
// scripts/setup installs): the three charts are laid out with a real size,
// their shapes are painted, and the screenshot shows them — compared with
// the same page with the charts hidden, whose chart regions are blank.
// Also printed to PDF. The report has no script: the probe that measures
// the layout is added to a copy for this test only.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <png.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "inventory/database.h"
#include "inventory/parameters.h"
#include "lca/gpu_assessment.h"
#include "reports/gpu_report_html.h"
#include "tests/cli/cli_support.h"
#include "tests/test_support.h"

using namespace gpulca;
namespace fs = std::filesystem;

namespace {

const char* const kCharts[] = {"chart-stages", "chart-use-phase", "chart-sankey"};

// Lays the page out, then writes the boxes of the charts and how many of
// their shapes have an area into <pre id="probe"> for --dump-dom.
const char* const kProbe = R"js(<script>
(function () {
  var out = {height: Math.ceil(document.documentElement.scrollHeight), charts: {}};
  document.querySelectorAll('svg.chart').forEach(function (svg) {
    var r = svg.getBoundingClientRect(), painted = 0;
    svg.querySelectorAll('rect, path, circle').forEach(function (el) {
      var b = el.getBoundingClientRect();
      if (b.width > 0 && b.height > 0) painted++;
    });
    out.charts[svg.id] = {x: r.left + window.scrollX, y: r.top + window.scrollY,
                          w: r.width, h: r.height, painted: painted};
  });
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>)js";

std::string Chromium() {
  for (const char* dir : {"/usr/bin", "/usr/local/bin", "/bin"}) {
    fs::path p = fs::path(dir) / "chromium";
    if (fs::exists(p)) return p.string();
  }
  return "";
}

// Runs chromium headless on `page` with `args`; returns its exit status.
int RunChromium(const test::TempDir& dir, const std::string& args, const fs::path& page,
                const std::string& log) {
  static int profile = 0;
  const fs::path data = dir.path() / fmt::format("profile-{}", profile++);
  fs::create_directories(data);
  const std::string cmd = fmt::format(
      "timeout 180 '{}' --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--disable-extensions --force-device-scale-factor=1 --hide-scrollbars "
      "--user-data-dir='{}' {} 'file://{}' >'{}' 2>'{}.err'",
      Chromium(), data.string(), args, page.string(), (dir.path() / log).string(),
      (dir.path() / log).string());
  return std::system(cmd.c_str());
}

struct Image {
  unsigned width = 0, height = 0;
  std::vector<unsigned char> rgba;
  const unsigned char* At(unsigned x, unsigned y) const { return &rgba[(size_t(y) * width + x) * 4]; }
};

Image ReadPng(const fs::path& file) {
  Image img;
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&png, file.c_str())) return img;
  png.format = PNG_FORMAT_RGBA;
  std::vector<unsigned char> buffer(PNG_IMAGE_SIZE(png));
  if (png_image_finish_read(&png, nullptr, buffer.data(), 0, nullptr)) {
    img.width = png.width;
    img.height = png.height;
    img.rgba = std::move(buffer);
  }
  png_image_free(&png);
  return img;
}

struct Ink {
  size_t pixels = 0, inked = 0, colours = 0;
};

// Pixels in a box that are not near white, and how many distinct colours.
Ink InkIn(const Image& img, double x, double y, double w, double h) {
  Ink ink;
  std::map<unsigned, int> colours;
  const unsigned x1 = std::min<unsigned>(img.width, static_cast<unsigned>(x + w));
  const unsigned y1 = std::min<unsigned>(img.height, static_cast<unsigned>(y + h));
  for (unsigned yy = static_cast<unsigned>(std::max(0.0, y)); yy < y1; ++yy) {
    for (unsigned xx = static_cast<unsigned>(std::max(0.0, x)); xx < x1; ++xx) {
      const unsigned char* p = img.At(xx, yy);
      ++ink.pixels;
      if (p[0] < 235 || p[1] < 235 || p[2] < 235) ++ink.inked;
      ++colours[(p[0] >> 4) << 8 | (p[1] >> 4) << 4 | (p[2] >> 4)];
    }
  }
  ink.colours = colours.size();
  return ink;
}

}  // namespace

TEST_CASE("HTML report renders in headless Chromium with its three charts", "[report][html][chromium]") {
  const std::string chromium = Chromium();
  INFO("chromium not found: scripts/setup installs Debian's chromium package");
  REQUIRE_FALSE(chromium.empty());

  Inventory inv = LoadAndValidate({test::BundledData()});
  ParameterSet parameters(inv);
  lca::GpuAssessmentOptions o;
  o.gpu = "nvidia-h100-sxm5";
  o.query_wh = 0.3;
  const std::string html = reports::RenderGpuHtml(lca::AssessGpu(inv, parameters, o), {});
  test::TempDir dir;
  const fs::path report = dir.Write("report.html", html);

  // 1. The layout, measured in a copy with the probe.
  std::string probed = html;
  probed.insert(probed.rfind("</body>"), kProbe);
  const fs::path probe_page = dir.Write("probe.html", probed);
  REQUIRE(RunChromium(dir, "--window-size=1200,3000 --dump-dom", probe_page, "dom.html") == 0);
  const std::string dom = test::ReadAll(dir.path() / "dom.html");
  std::smatch m;
  INFO(dom.substr(0, 300) << test::ReadAll(dir.path() / "dom.html.err").substr(0, 2000));
  REQUIRE(std::regex_search(dom, m, std::regex("<pre id=\"probe\">([^<]*)</pre>")));
  const nlohmann::json layout = nlohmann::json::parse(m[1].str());
  double bottom = 0;
  for (const char* id : kCharts) {
    INFO(id);
    REQUIRE(layout["charts"].contains(id));
    const auto& c = layout["charts"][id];
    CHECK(c["w"].get<double>() > 300);
    CHECK(c["h"].get<double>() > 100);
    CHECK(c["x"].get<double>() >= 0);
    CHECK(c["x"].get<double>() + c["w"].get<double>() <= 1200 + 1);
    CHECK(c["painted"].get<int>() >= 5);
    bottom = std::max(bottom, c["y"].get<double>() + c["h"].get<double>());
  }
  const int height = static_cast<int>(std::min(16000.0, bottom + 40));

  // 2. Screenshots of the report, and of the report with its charts hidden
  // (visibility: hidden keeps the layout, so their boxes are blank).
  const std::string size = fmt::format("--window-size=1200,{}", height);
  REQUIRE(RunChromium(dir, size + " --screenshot=" + (dir.path() / "report.png").string(), report,
                      "shot.log") == 0);
  const std::string blank = std::regex_replace(
      html, std::regex("<svg xmlns=\"http://www\\.w3\\.org/2000/svg\" id=\"chart-"),
      "<svg style=\"visibility:hidden\" xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-");
  REQUIRE(blank != html);
  const fs::path blank_page = dir.Write("blank.html", blank);
  REQUIRE(RunChromium(dir, size + " --screenshot=" + (dir.path() / "blank.png").string(), blank_page,
                      "blank.log") == 0);

  const Image shot = ReadPng(dir.path() / "report.png"), empty = ReadPng(dir.path() / "blank.png");
  CHECK(fs::file_size(dir.path() / "report.png") > 50000);
  REQUIRE(shot.width == 1200);
  REQUIRE(shot.height == static_cast<unsigned>(height));
  REQUIRE(empty.width == shot.width);
  REQUIRE(empty.height == shot.height);
  for (const char* id : kCharts) {
    INFO(id);
    const auto& c = layout["charts"][id];
    const double x = c["x"], y = c["y"], w = c["w"], h = c["h"];
    const Ink drawn = InkIn(shot, x, y, w, h), none = InkIn(empty, x, y, w, h);
    INFO("inked " << drawn.inked << " of " << drawn.pixels << ", " << drawn.colours
                  << " colours; without the chart " << none.inked);
    CHECK(drawn.inked > drawn.pixels / 20);  // at least 5% of the box is drawn
    CHECK(drawn.colours >= 4);               // several series, not one flat fill
    CHECK(none.inked < drawn.inked / 20);    // and it is the chart that drew it
  }

  // 3. Printed: a PDF of several pages.
  REQUIRE(RunChromium(dir, "--no-pdf-header-footer --print-to-pdf=" + (dir.path() / "report.pdf").string(),
                      report, "pdf.log") == 0);
  const std::string pdf = test::ReadAll(dir.path() / "report.pdf");
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  CHECK(pdf.size() > 20000);
  CHECK(std::regex_search(pdf, std::regex("/Type\\s*/Page[^s]")));
}
