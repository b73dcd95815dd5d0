"""Validation errors worded the way Shopify's graphql-ruby server words them.

graphql-core finds the same problems as graphql-ruby but says them differently. Clients match on
Shopify's messages and `extensions.code` (`undefinedField`, `argumentNotAccepted`…), so what each
validation rule reports is reworded, with graphql-ruby's static `path`.
"""

from __future__ import annotations

import re
from typing import Any

from graphql import (
    ArgumentNode,
    DirectiveNode,
    DocumentNode,
    FieldNode,
    GraphQLError,
    GraphQLSchema,
    Node,
    OperationDefinitionNode,
    SelectionSetNode,
    TypeInfo,
    TypeInfoVisitor,
    VariableDefinitionNode,
    VariableNode,
    get_named_type,
    is_enum_type,
    is_leaf_type,
    is_required_argument,
    print_ast,
    validate,
    visit,
)
from graphql.language import ParallelVisitor, Visitor
from graphql.validation import ValidationContext, specified_rules

from .document_paths import Where, locate

_PLACES = {
    "QUERY": "queries",
    "MUTATION": "mutations",
    "SUBSCRIPTION": "subscriptions",
    "FIELD": "fields",
    "FRAGMENT_DEFINITION": "fragment definitions",
    "FRAGMENT_SPREAD": "fragment spreads",
    "INLINE_FRAGMENT": "inline fragments",
    "VARIABLE_DEFINITION": "variable definitions",
}
"""graphql-ruby's names for directive locations."""


def _locations(error: GraphQLError) -> list[dict[str, int]]:
    return [{"line": loc.line, "column": loc.column} for loc in error.locations or ()]


def _error(message: str, error: GraphQLError, where: Where | None, **extensions: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"message": message, "locations": _locations(error)}
    if where is not None:
        body["path"] = where.path
    if extensions:
        body["extensions"] = extensions
    return body


_QUOTED = re.compile(r"'([^']*)'")


def _quoted(message: str) -> list[str]:
    return _QUOTED.findall(message)


class ValidationReport:
    """Collects graphql-core validation errors and rewords them as graphql-ruby does."""

    def __init__(self, schema: GraphQLSchema, document: DocumentNode) -> None:
        self.schema = schema
        self.document = document
        self.raw: list[tuple[str, GraphQLError, dict[str, Any]]] = []
        self._places: dict[int, Where] | None = None

    def where(self, node: Node | None) -> Where | None:
        if node is None:
            return None
        if self._places is None:
            self._places = locate(self.document)
        return self._places.get(id(node))

    def owner_of(self, selection_set: SelectionSetNode) -> FieldNode | None:
        found: list[FieldNode] = []

        class Finder(Visitor):
            def enter_field(self, node: FieldNode, *_args: Any) -> None:
                if node.selection_set is selection_set:
                    found.append(node)

        visit(self.document, Finder())
        return found[0] if found else None

    def errors(self) -> list[dict[str, Any]]:
        seen: set[tuple[str, str]] = set()
        out = []
        for rule, error, facts in self.raw:
            body = self._reword(rule, error, facts)
            key = (body["message"], repr(body.get("path")))
            if key not in seen:  # graphql-ruby reports a missing-arguments field once, not per argument
                seen.add(key)
                out.append(body)
        return out

    def _reword(self, rule: str, error: GraphQLError, facts: dict[str, Any]) -> dict[str, Any]:
        node = error.nodes[0] if error.nodes else None
        where = self.where(node)
        names = _quoted(error.message)
        if rule == "FieldsOnCorrectTypeRule" and isinstance(node, FieldNode):
            parent = facts.get("parent", names[1] if len(names) > 1 else "")
            return _error(
                f"Field '{node.name.value}' doesn't exist on type '{parent}'",
                error,
                where,
                code="undefinedField",
                typeName=parent,
                fieldName=node.name.value,
            )
        if rule == "KnownArgumentNamesRule" and isinstance(node, ArgumentNode) and where:
            owner_kind = "Directive" if where.directive else "Field"
            owner = where.directive or where.field or ""
            return _error(
                f"{owner_kind} '{owner}' doesn't accept argument '{node.name.value}'",
                error,
                where,
                code="argumentNotAccepted",
                name=owner,
                typeName=owner_kind,
                argumentName=node.name.value,
            )
        if rule == "ProvidedRequiredArgumentsRule" and isinstance(node, FieldNode | DirectiveNode):
            kind = "Field" if isinstance(node, FieldNode) else "Directive"
            missing = ", ".join(facts.get("missing", names[1:2]))
            return _error(
                f"{kind} '{node.name.value}' is missing required arguments: {missing}",
                error,
                where,
                code="missingRequiredArguments",
                className=kind,
                name=node.name.value,
                arguments=missing,
            )
        if rule == "ScalarLeafsRule" and isinstance(node, SelectionSetNode):
            # graphql-core points at the unwanted selection set; graphql-ruby speaks of its field.
            node = self.owner_of(node)
            where = self.where(node)
        if rule == "ScalarLeafsRule" and isinstance(node, FieldNode):
            name = node.name.value
            returns = facts.get("returns", "")
            if node.selection_set is None:
                return _error(
                    f"Field must have selections (field '{name}' returns {returns} but has no selections. "
                    f"Did you mean '{name} {{ ... }}'?)",
                    error,
                    where,
                    code="selectionMismatch",
                    nodeName=f"field '{name}'",
                )
            kind = "enums" if facts.get("enum") else "scalars"
            picked = ", ".join(
                f'"{sel.name.value}"' for sel in node.selection_set.selections if isinstance(sel, FieldNode)
            )
            return _error(
                f"Selections can't be made on {kind} (field '{name}' returns {returns} but has selections [{picked}])",
                error,
                where,
                code="selectionMismatch",
                nodeName=f"field '{name}'",
            )
        if rule == "ValuesOfCorrectTypeRule" and node is not None and where:
            owner_kind = "Directive" if where.directive else "Field"
            owner = where.directive or where.field or ""
            argument = where.argument or ""
            expected = facts.get("expected", "")
            return _error(
                f"Argument '{argument}' on {owner_kind} '{owner}' has an invalid value ({print_ast(node)}). "
                f"Expected type '{expected}'.",
                error,
                where,
                code="argumentLiteralsIncompatible",
                typeName=owner_kind,
                argumentName=argument,
            )
        if rule in ("NoUnusedVariablesRule", "NoUndefinedVariablesRule"):
            variable = facts.get("variable", names[0].lstrip("$") if names else "")
            operation = facts.get("operation", "anonymous query")
            if rule == "NoUnusedVariablesRule":
                message = f"Variable ${variable} is declared by {operation} but not used"
                code = "variableNotUsed"
            else:
                message = f"Variable ${variable} is used by {operation} but not declared"
                code = "variableNotDefined"
            body = _error(
                message, error, self.where(facts.get("operation_node")), code=code, variableName=variable
            )
            body["locations"] = body["locations"][:1]  # the variable, not the operation too
            return body
        if rule == "VariablesInAllowedPositionRule" and len(names) >= 3:
            variable, declared, expected = names[0].lstrip("$"), names[1], names[2]
            usage = self.where(error.nodes[1]) if error.nodes and len(error.nodes) > 1 else None
            argument = usage.argument if usage and usage.argument else ""
            mismatch = (
                "Nullability mismatch" if declared.rstrip("!") == expected.rstrip("!") else "Type mismatch"
            )
            return _error(
                f"{mismatch} on variable ${variable} and argument {argument} ({declared} / {expected})",
                error,
                usage,
                code="variableMismatch",
                variableName=variable,
                typeName=declared,
                argumentName=argument,
                errorMessage=mismatch,
            )
        if rule == "KnownTypeNamesRule" and names:
            if isinstance(facts.get("parent_node"), VariableDefinitionNode):
                variable = facts["parent_node"].variable.name.value
                return _error(
                    f"{names[0]} isn't a defined input type (on ${variable})",
                    error,
                    self.where(facts["parent_node"]),
                    code="variableRequiresValidType",
                    typeName=names[0],
                    variableName=variable,
                )
            return _error(
                f"No such type {names[0]}, so it can't be a fragment condition",
                error,
                where,
                code="undefinedType",
                typeName=names[0],
            )
        if rule == "KnownDirectivesRule" and names:
            directive = names[0].lstrip("@")
            if "Unknown directive" in error.message:
                return _error(
                    f"Directive @{directive} is not defined",
                    error,
                    where,
                    code="undefinedDirective",
                    directiveName=directive,
                )
            allowed = self.schema.get_directive(directive)
            places = (
                ", ".join(_PLACES.get(loc.name, loc.name.lower()) for loc in allowed.locations)
                if allowed
                else ""
            )
            target = error.message.rsplit(" on ", 1)[-1].rstrip(".").strip().upper().replace(" ", "_")
            target_name = _PLACES.get(target, target.lower())
            return _error(
                f"'@{directive}' can't be applied to {target_name} (allowed: {places})",
                error,
                where,
                code="directiveCannotBeApplied",
                targetName=target_name,
                name=directive,
            )
        if rule in ("NoUnusedFragmentsRule", "KnownFragmentNamesRule") and names:
            verb = "defined, but not used" if rule == "NoUnusedFragmentsRule" else "used, but not defined"
            return _error(
                f"Fragment {names[0]} was {verb}",
                error,
                where,
                code="useAndDefineFragment",
                fragmentName=names[0],
            )
        if rule == "PossibleFragmentSpreadsRule" and len(names) >= 2:
            outer, inner = names[-2], names[-1]
            return _error(
                f"Fragment on {inner} can't be spread inside {outer}",
                error,
                where,
                code="cannotSpreadFragment",
                typeName=inner,
                parentName=outer,
            )
        if rule == "OverlappingFieldsCanBeMergedRule" and names:
            conflict = f"{names[1]} or {names[2]}?" if len(names) >= 3 else error.message
            return _error(
                f"Field '{names[0]}' has a field conflict: {conflict}",
                error,
                where,
                code="fieldConflict",
                fieldName=names[0],
            )
        if rule == "UniqueOperationNamesRule" and names:
            return _error(
                f'Operation name "{names[0]}" must be unique',
                error,
                where,
                code="uniquelyNamedOperations",
                operationName=names[0],
            )
        if rule == "UniqueArgumentNamesRule" and names:
            return _error(
                f'There can be only one argument named "{names[0]}"',
                error,
                where,
                code="argumentNotUnique",
                name=names[0],
            )
        if rule == "UniqueVariableNamesRule" and names:
            return _error(
                f'There can only be one variable named "{names[0].lstrip("$")}"',
                error,
                where,
                code="variableNotUnique",
                variableName=names[0].lstrip("$"),
            )
        if rule == "VariablesAreInputTypesRule" and len(names) >= 2:
            return _error(
                f"{names[1]} isn't a valid input type (on {names[0]})",
                error,
                where,
                code="variableRequiresValidType",
                typeName=names[1],
                variableName=names[0].lstrip("$"),
            )
        return _error(error.message, error, where)


def _facts(context: ValidationContext, name: str, error: GraphQLError) -> dict[str, Any]:
    """What the rule's context knows at the moment it reports (parent type, expected type…)."""
    node = error.nodes[0] if error.nodes else None
    facts: dict[str, Any] = {}
    if name == "FieldsOnCorrectTypeRule":
        parent = context.get_parent_type()
        facts["parent"] = parent.name if parent else ""
    elif name == "ScalarLeafsRule":
        field_type = context.get_type()
        if field_type is not None:
            named = get_named_type(field_type)
            facts["returns"] = named.name
            facts["enum"] = is_enum_type(named) and is_leaf_type(named)
    elif name == "ValuesOfCorrectTypeRule":
        # The type the whole argument expects, not the inner list item or input field.
        argument = context.get_argument()
        facts["expected"] = str(argument.type) if argument else str(context.get_input_type() or "")
    elif name == "ProvidedRequiredArgumentsRule" and isinstance(node, FieldNode | DirectiveNode):
        definition = context.get_field_def() if isinstance(node, FieldNode) else context.get_directive()
        given = {arg.name.value for arg in node.arguments or ()}
        if definition is not None:
            facts["missing"] = [
                arg_name
                for arg_name, arg in definition.args.items()
                if arg_name not in given and is_required_argument(arg)
            ]
    elif name in ("NoUnusedVariablesRule", "NoUndefinedVariablesRule") and error.nodes:
        for candidate in error.nodes:
            if isinstance(candidate, VariableDefinitionNode | VariableNode):
                variable = candidate.variable if isinstance(candidate, VariableDefinitionNode) else candidate
                facts["variable"] = variable.name.value
                break
        operation = next(
            (
                op
                for op in context.document.definitions
                if isinstance(op, OperationDefinitionNode) and any(_contains(op, n) for n in error.nodes)
            ),
            None,
        )
        if operation is not None:
            facts["operation_node"] = operation
            facts["operation"] = (
                operation.name.value if operation.name else f"anonymous {operation.operation.value}"
            )
    elif name == "KnownTypeNamesRule" and node is not None:
        for top in context.document.definitions:
            if isinstance(top, OperationDefinitionNode):
                for var_def in top.variable_definitions or ():
                    if _contains(var_def, node):
                        facts["parent_node"] = var_def
    return facts


def _contains(outer: Node, inner: Node) -> bool:
    loc_outer, loc_inner = outer.loc, inner.loc
    if loc_outer is None or loc_inner is None:
        return False
    return loc_outer.start <= loc_inner.start and loc_inner.end <= loc_outer.end


class _RecordingContext(ValidationContext):
    """A validation context that files each error with the rule's name and what it knew then."""

    def __init__(self, report: ValidationReport, type_info: TypeInfo, rule: str) -> None:
        super().__init__(report.schema, report.document, type_info, lambda _error: None)
        self.report = report
        self.rule = rule

    def report_error(self, error: GraphQLError) -> None:
        self.report.raw.append((self.rule, error, _facts(self, self.rule, error)))


def ruby_validate(schema: GraphQLSchema, document: DocumentNode) -> list[dict[str, Any]]:
    """Validate a document; its errors in graphql-ruby's words (empty when valid).

    The fast path is graphql-core's single pass. Only an invalid document is validated again, one
    rule at a time, so that each error is known by the rule that found it.
    """
    if not validate(schema, document):
        return []
    report = ValidationReport(schema, document)
    for rule in specified_rules:
        type_info = TypeInfo(schema)
        context = _RecordingContext(report, type_info, rule.__name__)
        visit(document, TypeInfoVisitor(type_info, ParallelVisitor([rule(context)])))
    return report.errors()


__all__ = ["ValidationReport", "ruby_validate"]
