# Runs focalscope-bench on small files written here and checks that it prints well-formed JSON
# with the asked number of times and the right value. Times are not asserted.
#   cmake -DBENCH=path/to/focalscope-bench -DWORK_DIR=dir -P smoke_test.cmake
cmake_minimum_required(VERSION 3.25)

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

# The seed's torchmetrics example: AUROC 0.5.
file(WRITE "${WORK_DIR}/binary.csv"
  "label,score\n0,0.13\n0,0.26\n1,0.08\n1,0.19\n1,0.34\n")
# Equal logits in every row: p_t = 1/3, so each row's loss is alpha_t (2/3)^2 log 3; alpha
# [0.25, 0.75, 0.75] over labels 0, 1, 2, 1 averages to 0.625.
file(WRITE "${WORK_DIR}/logits.csv"
  "label,c0,c1,c2\n0,1.5,1.5,1.5\n1,-2,-2,-2\n2,0,0,0\n1,7.25,7.25,7.25\n")
# The seed's 3-class example: macro 7/9, micro 0.74, ovo 0.8125.
file(WRITE "${WORK_DIR}/probabilities.csv"
  "label,c0,c1,c2\n0,0.90,0.05,0.05\n1,0.05,0.90,0.05\n1,0.05,0.05,0.90\n2,0.85,0.05,0.10\n"
  "2,0.10,0.10,0.80\n")
# The third run of recompute has gamma 1: 0.625 (2/3) log 3.

# run_item(ITEM FILE KEY LOW HIGH): runs ITEM three times on FILE and checks that result.KEY
# lies in [LOW, HIGH] (if() compares numbers as doubles).
function(run_item item file key low high)
  execute_process(
    COMMAND "${BENCH}" --item ${item} --scores "${WORK_DIR}/${file}" --repeat 3
    RESULT_VARIABLE status OUTPUT_VARIABLE json ERROR_VARIABLE errors)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${item}: exit status ${status}: ${errors}")
  endif()
  string(JSON name ERROR_VARIABLE bad GET "${json}" item)
  if(bad OR NOT name STREQUAL item)
    message(FATAL_ERROR "${item}: not the expected JSON (${bad}): ${json}")
  endif()
  string(JSON count LENGTH "${json}" times_ms)
  string(JSON repeat GET "${json}" repeat)
  if(NOT count EQUAL 3 OR NOT repeat EQUAL 3)
    message(FATAL_ERROR "${item}: expected 3 times, got ${count}: ${json}")
  endif()
  string(JSON median GET "${json}" median_ms)
  string(JSON minimum GET "${json}" min_ms)
  if(NOT median GREATER_EQUAL 0 OR minimum GREATER median)
    message(FATAL_ERROR "${item}: median ${median} and min ${minimum} do not fit: ${json}")
  endif()
  string(JSON value GET "${json}" result ${key})
  if(NOT value GREATER_EQUAL low OR NOT value LESS_EQUAL high)
    message(FATAL_ERROR "${item}: result.${key} = ${value}, expected [${low}, ${high}]: ${json}")
  endif()
  message(STATUS "${item}: result.${key} = ${value}, median ${median} ms")
endfunction()

run_item(binary-auroc binary.csv auroc 0.4999999999 0.5000000001)
run_item(ovr-auroc probabilities.csv macro 0.7777777777 0.7777777778)
run_item(ovr-auroc probabilities.csv micro 0.7399999999 0.7400000001)
run_item(ovr-auroc probabilities.csv ovo 0.8124999999 0.8125000001)
run_item(focal-loss logits.csv loss 0.305170079 0.305170081)
run_item(recompute logits.csv gamma 1 1)
run_item(recompute logits.csv loss 0.457755119 0.457755121)
run_item(csv-load logits.csv samples 4 4)
# Class 1 (dog) of the 3-class example at 0.5 (the last run): row 1 (a dog, 0.90) only.
run_item(threshold-point probabilities.csv tp 1 1)
run_item(threshold-move probabilities.csv fp 0 0)
run_item(threshold-move probabilities.csv false_positives 0 0)
# The bootstrap of the seed's binary example: the point AUROC 0.5, 2000 replicates.
run_item(bootstrap binary.csv auroc 0.4999999999 0.5000000001)
run_item(bootstrap binary.csv replicates 2000 2000)
# A summary (tests/reference/fixtures/summary, 3000 rows x 4 logits): read, and the focal-loss
# bracket at gamma 1 (the last of 3 runs) with the default alpha, as focalscope_summary's
# focal_bracket gives it (1.078474565728455, 1.078656191527545).
file(COPY "${SUMMARY}" DESTINATION "${WORK_DIR}")
get_filename_component(summary_name "${SUMMARY}" NAME)
run_item(summary-read ${summary_name} samples 3000 3000)
run_item(summary-recompute ${summary_name} gamma 1 1)
run_item(summary-recompute ${summary_name} loss_lower 1.0784745657 1.0784745658)
run_item(summary-recompute ${summary_name} loss_upper 1.0786561915 1.0786561916)
