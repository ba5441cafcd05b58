#include "tests/reports/chromium_support.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <png.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <regex>

namespace gpulca::test::chromium {

namespace fs = std::filesystem;


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
int RunChromium(const TempDir& dir, const std::string& args, const fs::path& page,
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


nlohmann::json ProbeLayout(const TempDir& dir, const std::string& html, const std::string& window) {
  std::string probed = html;
  probed.insert(probed.rfind("</body>"), kProbe);
  const fs::path page = dir.Write("probe.html", probed);
  REQUIRE(RunChromium(dir, "--window-size=" + window + " --dump-dom", page, "dom.html") == 0);
  const std::string dom = ReadAll(dir.path() / "dom.html");
  std::smatch m;
  INFO(dom.substr(0, 300) << ReadAll(dir.path() / "dom.html.err").substr(0, 2000));
  REQUIRE(std::regex_search(dom, m, std::regex("<pre id=\"probe\">([^<]*)</pre>")));
  return nlohmann::json::parse(m[1].str());
}

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


Shots ShootWithAndWithoutCharts(const TempDir& dir, const std::string& html, const fs::path& page,
                                int height) {
  const std::string size = fmt::format("--window-size=1200,{}", height);
  REQUIRE(RunChromium(dir, size + " --screenshot=" + (dir.path() / "drawn.png").string(), page,
                      "shot.log") == 0);
  const std::string blank = std::regex_replace(
      html, std::regex("<svg xmlns=\"http://www\\.w3\\.org/2000/svg\" id=\"chart-"),
      "<svg style=\"visibility:hidden\" xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-");
  REQUIRE(blank != html);
  const fs::path blank_page = dir.Write("blank.html", blank);
  REQUIRE(RunChromium(dir, size + " --screenshot=" + (dir.path() / "blank.png").string(),
                      blank_page, "blank.log") == 0);
  Shots shots{ReadPng(dir.path() / "drawn.png"), ReadPng(dir.path() / "blank.png")};
  REQUIRE(shots.drawn.width == 1200);
  REQUIRE(shots.drawn.height == static_cast<unsigned>(height));
  REQUIRE(shots.blank.width == shots.drawn.width);
  REQUIRE(shots.blank.height == shots.drawn.height);
  return shots;
}

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


}  // namespace gpulca::test::chromium
