/**
 * The real pieces of a bootstrap, wired from the modules below: the tools tarball from its spec
 * (toolchain-spec), the base list and the world order (world-order), the studio builds (stages) and
 * the check that stage2 no longer needs {@code /tools}. {@code kiln bootstrap} puts them together;
 * tests of the pipeline use fakes in their place.
 */
package kiln.orchestrator.parts;
