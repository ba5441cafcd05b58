#include "lca/engine/loops.h"

#include <algorithm>

namespace gpulca::lca {

Loops FindLoops(const SparseMatrix& a) {
  // Tarjan's algorithm with an explicit call stack: background databases
  // have dependency chains thousands of processes deep.
  const int n = a.cols();
  const std::vector<int>& col_ptr = a.col_ptr();
  const std::vector<int>& row_idx = a.row_idx();
  std::vector<int> index(n, -1);
  std::vector<int> low(n, 0);
  std::vector<char> on_stack(n, 0);
  std::vector<int> stack;
  std::vector<int> next_edge(n, 0);
  std::vector<int> calls;
  std::vector<std::vector<int>> components;
  int counter = 0;

  for (int root = 0; root < n; ++root) {
    if (index[root] >= 0) continue;
    calls.push_back(root);
    index[root] = low[root] = counter++;
    next_edge[root] = col_ptr[root];
    stack.push_back(root);
    on_stack[root] = 1;
    while (!calls.empty()) {
      const int v = calls.back();
      if (next_edge[v] < col_ptr[v + 1]) {
        const int w = row_idx[next_edge[v]++];
        if (w == v) continue;
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          next_edge[w] = col_ptr[w];
          stack.push_back(w);
          on_stack[w] = 1;
          calls.push_back(w);
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      calls.pop_back();
      if (!calls.empty()) low[calls.back()] = std::min(low[calls.back()], low[v]);
      if (low[v] != index[v]) continue;
      std::vector<int> component;
      int w;
      do {
        w = stack.back();
        stack.pop_back();
        on_stack[w] = 0;
        component.push_back(w);
      } while (w != v);
      if (component.size() >= 2) {
        std::sort(component.begin(), component.end());
        components.push_back(std::move(component));
      }
    }
  }

  std::sort(components.begin(), components.end(),
            [](const std::vector<int>& x, const std::vector<int>& y) { return x[0] < y[0]; });
  Loops loops;
  loops.loop_of.assign(n, -1);
  for (size_t k = 0; k < components.size(); ++k) {
    for (int j : components[k]) loops.loop_of[j] = static_cast<int>(k);
  }
  loops.members = std::move(components);
  return loops;
}

}  // namespace gpulca::lca
