package kiln.world;

import java.util.Arrays;

/**
 * Strongly connected components of an {@link IntGraph}, iteratively (deep worlds, no recursion).
 */
final class Tarjan {

  private final IntGraph g;
  private final int[] index;
  private final int[] low;
  private final int[] comp;
  private final boolean[] onStack;
  private final int[] stack;
  private int sp;
  private int counter;
  private int comps;

  Tarjan(IntGraph g) {
    this.g = g;
    int n = g.size();
    index = new int[n];
    low = new int[n];
    comp = new int[n];
    onStack = new boolean[n];
    stack = new int[n];
    Arrays.fill(index, -1);
  }

  /** The component number of each vertex. */
  int[] components() {
    int n = g.size();
    int[] callVertex = new int[n];
    int[] callEdge = new int[n];
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      int depth = 0;
      visit(root);
      callVertex[0] = root;
      callEdge[0] = 0;
      while (depth >= 0) {
        int v = callVertex[depth];
        int[] targets = g.out(v);
        if (callEdge[depth] < targets.length) {
          int w = targets[callEdge[depth]++];
          if (index[w] < 0) {
            visit(w);
            depth++;
            callVertex[depth] = w;
            callEdge[depth] = 0;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
          continue;
        }
        if (low[v] == index[v]) {
          int w;
          do {
            w = stack[--sp];
            onStack[w] = false;
            comp[w] = comps;
          } while (w != v);
          comps++;
        }
        depth--;
        if (depth >= 0) {
          int parent = callVertex[depth];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }
    return comp;
  }

  private void visit(int v) {
    index[v] = counter;
    low[v] = counter++;
    stack[sp++] = v;
    onStack[v] = true;
  }
}
