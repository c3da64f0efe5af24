/**
 * The run journal: every transition of every plan of every stage, written durably before kiln acts
 * on it, the state it replays to, and the lock that keeps two runs off one work directory.
 *
 * <p>Entry points: {@link kiln.resume.WorkDirLock#acquire} first, then {@link
 * kiln.resume.RunJournal#resume} (or {@link kiln.resume.RunJournal#startNew}) to record {@link
 * kiln.resume.Transition}s; {@link kiln.resume.RunJournal#read} replays a ledger without locking,
 * for status. Entries are {@link kiln.resume.EntryKey}s (ident plus {@code VAR=value} settings)
 * within a {@link kiln.resume.StageName}; a stage's shape is a {@link kiln.resume.StageWork}; a
 * build host's change is a {@link kiln.resume.HostEvent}, replayed into {@link
 * kiln.resume.RunHosts}. The format and the recovery rules are in docs/ledger.md.
 */
package kiln.resume;
