/**
 * The run journal: every transition of every plan of every stage, written durably before kiln acts
 * on it, the state it replays to, and the lock that keeps two runs off one work directory.
 */
package kiln.resume;
