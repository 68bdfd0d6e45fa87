# eval.mk - `make eval`: measure the built-in rules and profiles against corpus/expected.tsv.
#
#   make eval          per-signal precision/recall/F1, verdict agreement, every disagreement
#   make eval-check    the same, failing unless every measured signal has F1 >= 0.95
#                      and verdict agreement is >= 90% (tests/tools/eval.c --check)
$(BUILD)/eval: tests/tools/eval.c $(BUILD)/liblorlint.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/liblorlint.a $(LDLIBS)
eval: $(BUILD)/eval
	$(BUILD)/eval corpus/expected.tsv
eval-check: $(BUILD)/eval
	$(BUILD)/eval --check corpus/expected.tsv
.PHONY: eval eval-check
