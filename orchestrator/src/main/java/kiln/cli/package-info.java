/**
 * The {@code kiln} command line. Each command is a thin picocli class: it resolves options, builds
 * a request, calls one entry point of the modules below, and maps failures to an exit code and one
 * clear line on stderr.
 */
package kiln.cli;
