using System.Globalization;
using OrleansScim.Protocol.Paths;

namespace OrleansScim.Protocol.Filters;

/// <summary>
/// Recursive descent over the RFC 7644 §3.4.2.2 ABNF with <c>and</c> binding tighter than <c>or</c>.
/// Recursion only happens at <c>(</c> and <c>[</c>, which count against the depth limit, so the
/// stack used is bounded by <see cref="FilterOptions.MaxDepth"/> whatever the input.
/// </summary>
internal sealed class FilterGrammar
{
    private readonly FilterLexer _lexer;
    private readonly FilterOptions _options;
    private readonly string _text;
    private int _depth;
    private int _nodes;

    public FilterGrammar(string text, FilterOptions options)
    {
        _text = text;
        _options = options;
        _lexer = new FilterLexer(text);
    }

    public FilterNode ParseFilter()
    {
        if (_text.Length > _options.MaxLength)
        {
            throw FilterErrors.Invalid(string.Create(CultureInfo.InvariantCulture, $"The filter is longer than {_options.MaxLength} characters."));
        }

        if (string.IsNullOrWhiteSpace(_text))
        {
            throw FilterErrors.Invalid("The filter is empty.");
        }

        var filter = ParseOr(inValuePath: false);
        var next = _lexer.Peek();
        if (next.Kind != FilterTokenKind.End)
        {
            var message = next.Kind switch
            {
                FilterTokenKind.CloseParen => "Unbalanced ')'",
                FilterTokenKind.CloseBracket => "Unbalanced ']'",
                _ => "Expected 'and', 'or' or the end of the filter",
            };
            throw FilterErrors.At(_text, next, message);
        }

        return filter;
    }

    private FilterNode ParseOr(bool inValuePath)
    {
        var left = ParseAnd(inValuePath);
        while (_lexer.Peek().IsWord("or"))
        {
            _lexer.Next();
            left = Count(new OrNode(left, ParseAnd(inValuePath)));
        }

        return left;
    }

    private FilterNode ParseAnd(bool inValuePath)
    {
        var left = ParseUnary(inValuePath);
        while (_lexer.Peek().IsWord("and"))
        {
            _lexer.Next();
            left = Count(new AndNode(left, ParseUnary(inValuePath)));
        }

        return left;
    }

    private FilterNode ParseUnary(bool inValuePath)
    {
        var token = _lexer.Next();
        if (token.Kind == FilterTokenKind.OpenParen)
        {
            return ParseGroup(token, inValuePath);
        }

        if (token.IsWord("not"))
        {
            var open = _lexer.Next();
            if (open.Kind != FilterTokenKind.OpenParen)
            {
                throw FilterErrors.At(_text, open, "Expected '(' after 'not'");
            }

            return Count(new NotNode(ParseGroup(open, inValuePath)));
        }

        if (token.Kind == FilterTokenKind.Word)
        {
            return ParseAttributeExpression(token, inValuePath);
        }

        throw FilterErrors.At(_text, token, "Expected an attribute path, '(' or 'not'");
    }

    private FilterNode ParseGroup(FilterToken open, bool inValuePath)
    {
        Enter(open);
        var inner = ParseOr(inValuePath);
        Expect(FilterTokenKind.CloseParen, "Expected ')'");
        _depth--;
        return inner;
    }

    private FilterNode ParseAttributeExpression(FilterToken pathToken, bool inValuePath)
    {
        var path = ParsePath(pathToken, inValuePath);
        var next = _lexer.Peek();
        if (next.Kind != FilterTokenKind.OpenBracket)
        {
            return ParseOperation(path);
        }

        if (inValuePath)
        {
            throw FilterErrors.At(_text, next, "Value paths cannot be nested");
        }

        if (path.SubAttribute is not null)
        {
            throw FilterErrors.At(_text, next, "A value path applies to an attribute, not to a sub-attribute");
        }

        _lexer.Next();
        Enter(next);
        var inner = ParseOr(inValuePath: true);
        var close = Expect(FilterTokenKind.CloseBracket, "Expected ']'");
        _depth--;

        // Azure AD's matching form emails[type eq "work"].value eq "x": the sub-attribute follows the
        // bracket directly and means "an element matching the bracket whose value also matches".
        var after = _lexer.Peek();
        if (after.Kind == FilterTokenKind.Word && after.Start == close.End && after.Value.StartsWith('.'))
        {
            _lexer.Next();
            var subName = after.Value[1..];
            if (!AttributePath.IsAttributeName(subName))
            {
                throw FilterErrors.At(_text, after, "Invalid sub-attribute name");
            }

            var condition = ParseOperation(new AttributePath(null, subName, null));
            inner = Count(new AndNode(inner, condition));
        }

        return Count(new ValuePathNode(path, inner));
    }

    private AttributePath ParsePath(FilterToken token, bool inValuePath)
    {
        if (!AttributePath.TryParse(token.Value, out var path))
        {
            throw FilterErrors.At(_text, token, "Invalid attribute path");
        }

        if (inValuePath && (path.SchemaUri is not null || path.SubAttribute is not null))
        {
            throw FilterErrors.At(_text, token, "Inside a value path only sub-attribute names are allowed");
        }

        return path;
    }

    private FilterNode ParseOperation(AttributePath path)
    {
        var operatorToken = _lexer.Next();
        if (operatorToken.IsWord("pr"))
        {
            return Count(new PresenceNode(path));
        }

        if (!TryParseOperator(operatorToken, out var op))
        {
            throw FilterErrors.At(_text, operatorToken, "Expected a comparison operator (eq, ne, co, sw, ew, gt, ge, lt, le or pr)");
        }

        return Count(new ComparisonNode(path, op, ParseLiteral()));
    }

    private FilterLiteral ParseLiteral()
    {
        var token = _lexer.Next();
        switch (token.Kind)
        {
            case FilterTokenKind.String:
                return new StringLiteral(token.Value);
            case FilterTokenKind.Word when token.IsWord("null"):
                return FilterLiteral.Null;
            case FilterTokenKind.Word when _options.AllowUnquotedValues:
                // Typed later by the attribute it is compared with (so "true" may be text for a string attribute).
                return new UnquotedLiteral(token.Value);
            case FilterTokenKind.Word when token.IsWord("true"):
                return FilterLiteral.True;
            case FilterTokenKind.Word when token.IsWord("false"):
                return FilterLiteral.False;
            case FilterTokenKind.Word when JsonNumberText.IsValid(token.Value):
                return new NumberLiteral(token.Value);
            case FilterTokenKind.Word:
                throw FilterErrors.At(_text, token, "Invalid value; expected a quoted string, a number, true, false or null");
            default:
                throw FilterErrors.At(_text, token, "Expected a value (a quoted string, a number, true, false or null)");
        }
    }

    private static bool TryParseOperator(FilterToken token, out ComparisonOperator op)
    {
        op = default;
        if (token.Kind != FilterTokenKind.Word || token.Value.Length != 2)
        {
            return false;
        }

        ComparisonOperator? parsed = token.Value.ToUpperInvariant() switch
        {
            "EQ" => ComparisonOperator.Equal,
            "NE" => ComparisonOperator.NotEqual,
            "CO" => ComparisonOperator.Contains,
            "SW" => ComparisonOperator.StartsWith,
            "EW" => ComparisonOperator.EndsWith,
            "GT" => ComparisonOperator.GreaterThan,
            "GE" => ComparisonOperator.GreaterThanOrEqual,
            "LT" => ComparisonOperator.LessThan,
            "LE" => ComparisonOperator.LessThanOrEqual,
            _ => null,
        };
        op = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    private FilterToken Expect(FilterTokenKind kind, string message)
    {
        var token = _lexer.Next();
        if (token.Kind != kind)
        {
            throw FilterErrors.At(_text, token, message);
        }

        return token;
    }

    private void Enter(FilterToken open)
    {
        if (++_depth > _options.MaxDepth)
        {
            throw FilterErrors.At(_text, open, string.Create(CultureInfo.InvariantCulture, $"The filter nests deeper than {_options.MaxDepth} levels"));
        }
    }

    private FilterNode Count(FilterNode node)
    {
        if (++_nodes > _options.MaxNodes)
        {
            throw FilterErrors.Invalid(string.Create(CultureInfo.InvariantCulture, $"The filter has more than {_options.MaxNodes} expressions."));
        }

        return node;
    }
}
