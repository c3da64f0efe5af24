/**
 * Stages and studios: the clean places plans are built in (Docker containers, bubblewrap chroots),
 * the plan build program that runs inside them, and the signed .hart artifacts they produce.
 */
package kiln.stages;
