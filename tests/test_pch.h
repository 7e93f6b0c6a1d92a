// The precompiled header of every test executable (see dateline_test in tests/CMakeLists.txt):
// what most tests include and is costly to parse. Tests still include what they use; with the
// header precompiled those includes cost nothing.
#pragma once

// The corpus tests register listeners through Catch2's external interfaces; defined here (with
// the same empty body as in those tests) so that the precompiled Catch2 offers them.
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <rapidjson/document.h>
