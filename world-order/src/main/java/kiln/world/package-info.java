/**
 * The world as plans: reading plan.sh files without running them, finding them on disk, and the
 * world graph that answers "in what order?", "what depends on this?" and "why is there a cycle?".
 *
 * <p>This is the bottom of kiln's module stack: it depends on nothing of kiln's.
 */
package kiln.world;
