"""The package has no import cycle, apart from the few listed here with their reasons.

Every ``import`` of every module of ``kerasedu/`` is read with `ast`, at module
level and inside functions alike (an import inside a function runs too, only
later), and becomes an edge ``importer -> imported module``. A cycle in that
graph is a strongly connected component of more than one module; the test
names the modules and the imports that close it.
"""

import ast
import pathlib

import kerasedu

PACKAGE = pathlib.Path(kerasedu.__file__).parent

# autograd's documented cycle: tensor.py's operators call the ops, and an op module that
# returns Tensors imports tensor.py inside its functions ("tensor.py imports this module").
AUTOGRAD = "kerasedu.autograd."
TENSOR = "kerasedu.autograd.tensor"

# Other imports inside a function that close a cycle on purpose: (importer, imported) -> why.
ALLOWED_IMPORTS = {
    # Keras's Model(inputs, outputs) returns the Functional subclass, defined in functional.py.
    ("kerasedu.models.model", "kerasedu.models.functional"): "Model.__new__ returns a "
    "Functional when given inputs and outputs, as Keras does",
    # User-facing conveniences of models that are implemented in saving, above models.
    ("kerasedu.models.model", "kerasedu.saving.hdf5"): "Model.save/save_weights/load_weights",
    ("kerasedu.models.functional", "kerasedu.saving.model_json"): "Model.to_json",
    ("kerasedu.models.functional", "kerasedu.saving.serializer"): "Functional.from_config "
    "called directly with layer configs (Keras's clone idiom)",
    ("kerasedu.models.sequential", "kerasedu.saving.serializer"): "Sequential.from_config "
    "called directly with layer configs (Keras's clone idiom)",
    # Keras's names kerasedu.layers.serialize/deserialize; the serializer imports every layer.
    ("kerasedu.layers", "kerasedu.saving.serializer"): "layers.serialize/deserialize, "
    "Keras's public names for the serializer, which sits above layers",
}


def module_name(path):
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path, modules):
    """Yield ``(imported module, inside a function?)`` for each kerasedu import in ``path``."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf8"))
    in_function = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            in_function.update(id(child) for child in ast.walk(node) if child is not node)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # a relative import: resolve it against this module's package
                parents = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parents + ([base] if base else []))
            # `from kerasedu import layers` imports the module kerasedu.layers
            targets = [f"{base}.{alias.name}" for alias in node.names]
            targets = [t if t in modules else base for t in targets]
        else:
            continue
        for target in targets:
            while target and target not in modules:  # a name inside a module: the module
                target = target.rpartition(".")[0]
            if target and target != name:
                yield target, id(node) in in_function


def import_graph():
    """``{module: {imported module: inside a function?}}`` for every module of kerasedu."""
    paths = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in paths.items():
        edges = graph.setdefault(name, {})
        for target, in_function in imports_of(path, paths):
            edges[target] = edges.get(target, True) and in_function
    return graph


def cycles(graph):
    """The strongly connected components with more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def describe(component, graph):
    lines = [f"cycle between {sorted(component)}:"]
    for v in sorted(component):
        for w in sorted(graph[v]):
            if w in component:
                where = "inside a function" if graph[v][w] else "at module level"
                lines.append(f"  {v} imports {w} ({where})")
    return "\n".join(lines)


def test_import_graph_sees_every_kind_of_import():
    graph = import_graph()
    assert "kerasedu.layers.dense" in graph["kerasedu.layers"]  # from kerasedu.layers.dense import
    assert "kerasedu.autograd.tensor" in graph["kerasedu.activations"]
    assert graph["kerasedu.models.model"]["kerasedu.saving.hdf5"] is True  # inside Model.save


def without_allowed_imports(graph):
    """The graph less autograd's Tensor <-> ops imports and the `ALLOWED_IMPORTS`."""
    kept = {}
    for importer, edges in graph.items():
        kept[importer] = {
            imported: in_function
            for imported, in_function in edges.items()
            if (importer, imported) not in ALLOWED_IMPORTS
            and not (importer.startswith(AUTOGRAD) and imported == TENSOR and in_function)
        }
    return kept


def test_no_import_cycles_but_the_listed_ones():
    graph = without_allowed_imports(import_graph())
    found = cycles(graph)
    assert not found, "\n".join(describe(component, graph) for component in found)


def test_each_listed_import_exists_and_sits_inside_a_function():
    graph = import_graph()
    for importer, imported in ALLOWED_IMPORTS:
        assert imported in graph[importer], f"{importer} no longer imports {imported}: unlist it"
        assert graph[importer][imported], f"{importer} imports {imported} at module level"
