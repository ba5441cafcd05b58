# The fleet asset benchmark (bench/run_fleet). Included from bench/CMakeLists.txt:
#   include(${CMAKE_CURRENT_LIST_DIR}/fleet.cmake)
add_executable(gpulca_bench_fleet ${CMAKE_CURRENT_LIST_DIR}/bench_fleet.cpp)
