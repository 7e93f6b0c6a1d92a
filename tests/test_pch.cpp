// Compiles tests/test_pch.h once for every test executable to reuse (tests/CMakeLists.txt).
