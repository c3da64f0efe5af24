package kiln.world;

import java.util.List;

/** The parsed form of plan.sh: the commands the reader evaluates, or knows to step over. */
sealed interface Node {

  int line();

  /** Commands run one after another. */
  record Block(int line, List<Node> nodes) implements Node {}

  /** {@code name=value}, {@code name+=value}, {@code name=(...)}, {@code name+=(...)}. */
  record Assign(int line, String name, boolean append, Word value, List<Word> elements)
      implements Node {
    boolean isArray() {
      return elements != null;
    }
  }

  /**
   * A simple command with its words; {@code assigns} are the assignments written before the command
   * name (they only affect the command) or, when there are no words, the whole command.
   */
  record Command(int line, List<Assign> assigns, List<Word> words) implements Node {}

  /** {@code [[ ... ]]}: its words and operators in order. */
  record Cond(int line, List<Token> tokens) implements Node {}

  /** {@code a && b || c}; {@code ops.get(i)} joins {@code items.get(i)} and the next. */
  record AndOr(int line, List<Node> items, List<String> ops) implements Node {}

  /** {@code ! command}. */
  record Not(int line, Node inner) implements Node {}

  /** {@code a | b}: its commands, evaluated only for their status. */
  record Pipeline(int line, List<Node> commands) implements Node {}

  /** {@code if}/{@code elif} conditions with their bodies, and the {@code else} (or null). */
  record If(int line, List<Block> conditions, List<Block> bodies, Block otherwise)
      implements Node {}

  /** {@code for name in words; do ...; done}. */
  record For(int line, String variable, List<Word> items, Block body) implements Node {}

  /** {@code while}/{@code until} and other loops the reader does not run. */
  record Loop(int line, Block body) implements Node {}

  /** {@code case word in pattern) ...;; esac}. */
  record Case(int line, Word subject, List<CaseArm> arms) implements Node {}

  /** One arm of a case: its patterns and body. */
  record CaseArm(List<Word> patterns, Block body) {}

  /** {@code { ...; }} or {@code ( ... )}. */
  record Group(int line, Block body, boolean subshell) implements Node {}

  /** {@code (( expression ))}: its status is not known without evaluating it. */
  record Arith(int line, String expression) implements Node {}

  /** Something the parser has to tell about the text (a part it stepped over): a warning. */
  record Note(int line, String message) implements Node {}

  /** A function definition: the body is not run when the plan is sourced. */
  record Function(int line, String name, boolean setsTracked) implements Node {}
}
