# Checks that core's folders depend on each other in one direction only (docs/ARCHITECTURE.md,
# "Layers"): a file may include a header of its own folder or of a folder in a lower layer, never
# of a higher one, so there are no cycles between folders. Run by ctest:
#   cmake -DSOURCE_DIR=<repo> -P tests/layering/folders.cmake
# Fails naming each file, the header it includes and both layers.
set(layers
    "domain=0" "i18n=0"
    "values=1" "csv=1" "geo=1"
    "views=2"
    "analytics=3"
    "storage=4"
    "edits=5" "import=5" "demo=5"
    "report=6"
    "cli=7")
foreach(entry IN LISTS layers)
    string(REPLACE "=" ";" pair "${entry}")
    list(GET pair 0 folder)
    list(GET pair 1 rank)
    set(rank_${folder} ${rank})
endforeach()

if(NOT SOURCE_DIR)
    message(FATAL_ERROR "Pass -DSOURCE_DIR=<the repository>")
endif()
if(NOT ROOT)
    set(ROOT core)
endif()
file(GLOB_RECURSE sources RELATIVE "${SOURCE_DIR}/${ROOT}"
    "${SOURCE_DIR}/${ROOT}/*.h" "${SOURCE_DIR}/${ROOT}/*.cpp")
set(violations "")
foreach(source IN LISTS sources)
    string(REGEX MATCH "^[^/]+" folder "${source}")
    if(NOT DEFINED rank_${folder})
        string(APPEND violations "\n  ${ROOT}/${source}: folder ${folder} has no layer in "
            "tests/layering/folders.cmake")
        continue()
    endif()
    file(STRINGS "${SOURCE_DIR}/${ROOT}/${source}" includes REGEX "^#include \"[a-z0-9]+/")
    foreach(line IN LISTS includes)
        string(REGEX REPLACE "^#include \"([a-z0-9]+)/.*" "\\1" target "${line}")
        if(target STREQUAL folder)
            continue()
        endif()
        if(NOT DEFINED rank_${target})
            continue() # not one of core's folders (e.g. a Qt or generated header)
        endif()
        if(NOT rank_${target} LESS rank_${folder})
            string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" header "${line}")
            string(APPEND violations "\n  ${ROOT}/${source} (${folder}, layer ${rank_${folder}}) "
                "includes ${header} (${target}, layer ${rank_${target}})")
        endif()
    endforeach()
endforeach()
if(violations)
    message(FATAL_ERROR "A folder includes a header of its own layer or a higher one:${violations}")
endif()
list(LENGTH sources count)
message(STATUS "${count} files of ${ROOT}/ include only lower layers")
