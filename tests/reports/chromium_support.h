// Headless Chromium for the browser tests of the HTML pages: where the
// binary is, one run of it, the probe that measures the laid-out charts, and
// the screenshot read back as pixels.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace gpulca::test::chromium {

// A <script> that, inserted before </body> of a copy of a page, writes into
// <pre id="probe"> a JSON {height, charts: {id: {x, y, w, h, painted}}} of
// every svg.chart (painted: its rect, path and circle elements with an area),
// for --dump-dom.
extern const char* const kProbe;

// The chromium binary, or "" when it is not installed.
std::string Chromium();

// Runs chromium headless on `page` with `args` (a fresh profile under `dir`,
// output to dir/log and dir/log.err); returns its exit status.
int RunChromium(const TempDir& dir, const std::string& args, const std::filesystem::path& page,
                const std::string& log);

// The layout of `html` as kProbe measures it, in a window of `window`
// ("1200,3000"); a copy of the page with the probe is written to `dir`.
// Fails the test (REQUIRE) when chromium fails or writes no probe.
nlohmann::json ProbeLayout(const TempDir& dir, const std::string& html, const std::string& window);

struct Image {
  unsigned width = 0, height = 0;
  std::vector<unsigned char> rgba;
  const unsigned char* At(unsigned x, unsigned y) const { return &rgba[(size_t(y) * width + x) * 4]; }
};

// A PNG as RGBA; an empty image when it cannot be read.
Image ReadPng(const std::filesystem::path& file);

// Screenshots of `page` (holding `html`) at 1200 x `height`, and of a copy
// whose svg.chart elements are hidden (visibility: hidden keeps the layout,
// so their boxes are blank). REQUIREs both to succeed at that size.
struct Shots {
  Image drawn, blank;
};
Shots ShootWithAndWithoutCharts(const TempDir& dir, const std::string& html,
                                const std::filesystem::path& page, int height);

struct Ink {
  size_t pixels = 0, inked = 0, colours = 0;
};

// Pixels in a box that are not near white, and how many distinct colours.
Ink InkIn(const Image& img, double x, double y, double w, double h);

}  // namespace gpulca::test::chromium
