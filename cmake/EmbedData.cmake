# Compiles language data files (TSV tables) into the binary: each file becomes a
# std::string_view in a generated source, so the program has no runtime data path.
#
#   dateline_embed_data(TARGET target NAMESPACE ns FILES a.tsv b.tsv)
# gives `ns::a_tsv` and `ns::b_tsv` declared in <target>_data.h.
function(dateline_embed_data)
  cmake_parse_arguments(ARG "" "TARGET;NAMESPACE" "FILES" ${ARGN})
  set(out_dir ${CMAKE_CURRENT_BINARY_DIR}/embedded)
  set(header ${out_dir}/${ARG_TARGET}_data.h)
  set(source ${out_dir}/${ARG_TARGET}_data.cpp)
  set(abs_files "")
  foreach(f IN LISTS ARG_FILES)
    list(APPEND abs_files ${CMAKE_CURRENT_SOURCE_DIR}/${f})
  endforeach()
  # The list travels as one '|'-separated argument: a ';' would split the shell command.
  string(REPLACE ";" "|" files_arg "${abs_files}")
  add_custom_command(
    OUTPUT ${header} ${source}
    COMMAND ${CMAKE_COMMAND} -DHEADER=${header} -DSOURCE=${source}
            -DNAMESPACE=${ARG_NAMESPACE} "-DFILES=${files_arg}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedDataScript.cmake
    DEPENDS ${abs_files} ${PROJECT_SOURCE_DIR}/cmake/EmbedDataScript.cmake
    COMMENT "Embedding data files for ${ARG_TARGET}"
    VERBATIM)
  target_sources(${ARG_TARGET} PRIVATE ${source} ${header})
  target_include_directories(${ARG_TARGET} PRIVATE ${out_dir})
endfunction()
