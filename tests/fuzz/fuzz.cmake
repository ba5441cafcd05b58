# The libFuzzer targets (docs/reliability.md, "Fuzzing"), one per reader of
# input: gpulca_fuzz_NAME from tests/fuzz/NAME_fuzz.cpp, its seeds in
# tests/fuzz/corpus/NAME/; scripts/fuzz runs them. Included from
# CMakeLists.txt when GPULCA_FUZZ is on (clang, sanitized build).
#
# The libraries that read input get the coverage that guides libFuzzer
# (-fsanitize=fuzzer-no-link); the engine and the reports, which the fuzz
# targets do not reach, and the tests, which run in the same build, do not
# pay for it.
foreach(lib gpulca_inventory_model gpulca_inventory_toml gpulca_inventory_records
    gpulca_inventory_jsonld gpulca_fleet)
  target_compile_options(${lib} PRIVATE -fsanitize=fuzzer-no-link)
endforeach()

# The samples reader alone of its library: the Monte Carlo engine beside it
# is run by the sanitized suite and would only be slowed.
set_source_files_properties(${CMAKE_SOURCE_DIR}/lca/uncertainty/mc_samples_dir.cpp
  TARGET_DIRECTORY gpulca_uncertainty PROPERTIES COMPILE_OPTIONS -fsanitize=fuzzer-no-link)

add_library(gpulca_fuzz_support STATIC ${CMAKE_CURRENT_LIST_DIR}/fuzz_support.cpp
  ${CMAKE_CURRENT_LIST_DIR}/jsonld_check.cpp ${CMAKE_SOURCE_DIR}/tests/inventory/jsonld_fixture.cpp)
target_include_directories(gpulca_fuzz_support PUBLIC ${CMAKE_SOURCE_DIR})
target_link_libraries(gpulca_fuzz_support PUBLIC gpulca_inventory_jsonld gpulca_inventory_toml
  PRIVATE PkgConfig::LIBZIP nlohmann_json::nlohmann_json)
target_compile_definitions(gpulca_fuzz_support PRIVATE GPULCA_SOURCE_DIR="${CMAKE_SOURCE_DIR}")

set(gpulca_fuzz_links
  toml gpulca_inventory_toml
  jsonld gpulca_inventory_jsonld
  jsonld_zip gpulca_inventory_jsonld
  pact gpulca_inventory_records
  order gpulca_inventory_records
  assets gpulca_fleet
  workload gpulca_workload
  samples gpulca_uncertainty)
add_custom_target(gpulca_fuzz)
while(gpulca_fuzz_links)
  list(POP_FRONT gpulca_fuzz_links name lib)
  add_executable(gpulca_fuzz_${name} ${CMAKE_CURRENT_LIST_DIR}/${name}_fuzz.cpp)
  target_link_libraries(gpulca_fuzz_${name} PRIVATE gpulca_fuzz_support ${lib})
  target_link_options(gpulca_fuzz_${name} PRIVATE -fsanitize=fuzzer)
  add_dependencies(gpulca_fuzz gpulca_fuzz_${name})
endwhile()
