/**
 * Comparing two stages' artifacts, as GCC's bootstrap compares stage2 with stage3: a system that
 * builds itself gives the same bytes when it rebuilds itself. {@link ResultsComparison} pairs the
 * artifacts of two results folders by package name and compares every payload file, with the
 * release strings of one side mapped onto the other's (they are the only thing that must differ).
 */
package kiln.stages.compare;
