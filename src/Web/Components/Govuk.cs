using System.Text;
using System.Text.Encodings.Web;
using InclusionNetwork.Web.Forms;
using Microsoft.AspNetCore.Html;

namespace InclusionNetwork.Web.Components;

/// <summary>
/// GOV.UK Frontend's form components as their documented markup, with the error state
/// (inline message, red border, <c>aria-describedby</c>) drawn from a <see cref="FormErrors"/>.
/// Every value is HTML-encoded here, so pages pass plain text.
/// </summary>
public static class Govuk
{
    private static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>A choice; <paramref name="Hint"/> is shown under a checkbox's label (ignored by selects).</summary>
    public sealed record Option(string Value, string Text, string? Hint = null);

    /// <summary>A text input in its form group; <paramref name="width"/> is a GOV.UK fixed width (10, 20, ...).</summary>
    public static IHtmlContent Input(string id, string label, string? value, FormErrors? errors = null, string type = "text",
        string? hint = null, int? width = null, string? autocomplete = null, string? name = null)
    {
        var error = errors?.For(id);
        var describedBy = DescribedBy(id, hint, error);
        var html = new StringBuilder();
        html.Append($"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">");
        html.Append($"<label class=\"govuk-label\" for=\"{E(id)}\">{E(label)}</label>");
        AppendHintAndError(html, id, hint, error);
        html.Append($"<input class=\"govuk-input{(width is null ? "" : $" govuk-input--width-{width}")}{(error is null ? "" : " govuk-input--error")}\"");
        html.Append($" id=\"{E(id)}\" name=\"{E(name ?? id)}\" type=\"{E(type)}\" value=\"{E(value)}\" spellcheck=\"false\"");
        if (describedBy is not null)
        {
            html.Append($" aria-describedby=\"{E(describedBy)}\"");
        }
        if (autocomplete is not null)
        {
            html.Append($" autocomplete=\"{E(autocomplete)}\"");
        }
        html.Append("></div>");
        return new HtmlString(html.ToString());
    }

    public static IHtmlContent Select(string id, string label, IEnumerable<Option> options, string? value, FormErrors? errors = null,
        string? hint = null, string? name = null)
    {
        var error = errors?.For(id);
        var describedBy = DescribedBy(id, hint, error);
        var html = new StringBuilder();
        html.Append($"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">");
        html.Append($"<label class=\"govuk-label\" for=\"{E(id)}\">{E(label)}</label>");
        AppendHintAndError(html, id, hint, error);
        html.Append($"<select class=\"govuk-select{(error is null ? "" : " govuk-select--error")}\" id=\"{E(id)}\" name=\"{E(name ?? id)}\"");
        if (describedBy is not null)
        {
            html.Append($" aria-describedby=\"{E(describedBy)}\"");
        }
        html.Append('>');
        foreach (var option in options)
        {
            var selected = string.Equals(option.Value, value ?? "", StringComparison.Ordinal) ? " selected" : "";
            html.Append($"<option value=\"{E(option.Value)}\"{selected}>{E(option.Text)}</option>");
        }
        html.Append("</select></div>");
        return new HtmlString(html.ToString());
    }

    /// <summary>Small checkboxes in a fieldset; the first box carries <paramref name="id"/>, the rest <c>id-2</c>, <c>id-3</c>...</summary>
    public static IHtmlContent Checkboxes(string id, string legend, IEnumerable<Option> items, IEnumerable<string> checkedValues, string? name = null,
        FormErrors? errors = null)
    {
        var chosen = checkedValues.ToHashSet(StringComparer.Ordinal);
        var error = errors?.For(id);
        var html = new StringBuilder();
        html.Append($"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">");
        html.Append(error is null ? "<fieldset class=\"govuk-fieldset\">" : $"<fieldset class=\"govuk-fieldset\" aria-describedby=\"{E(id)}-error\">");
        html.Append($"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(legend)}</legend>");
        AppendHintAndError(html, id, null, error);
        html.Append("<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">");
        var n = 0;
        foreach (var item in items)
        {
            n++;
            var itemId = n == 1 ? id : $"{id}-{n}";
            html.Append("<div class=\"govuk-checkboxes__item\">");
            var itemHint = item.Hint is null ? "" : $" aria-describedby=\"{E(itemId)}-item-hint\"";
            html.Append($"<input class=\"govuk-checkboxes__input\" id=\"{E(itemId)}\" name=\"{E(name ?? id)}\" type=\"checkbox\" value=\"{E(item.Value)}\"{(chosen.Contains(item.Value) ? " checked" : "")}{itemHint}>");
            html.Append($"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{E(itemId)}\">{E(item.Text)}</label>");
            if (item.Hint is not null)
            {
                html.Append($"<div class=\"govuk-hint govuk-checkboxes__hint\" id=\"{E(itemId)}-item-hint\">{E(item.Hint)}</div>");
            }
            html.Append("</div>");
        }
        html.Append("</div></fieldset></div>");
        return new HtmlString(html.ToString());
    }

    /// <summary>Small radios in a fieldset; the first radio carries <paramref name="id"/>, the rest <c>id-2</c>, <c>id-3</c>...</summary>
    public static IHtmlContent Radios(string id, string legend, IEnumerable<Option> items, string? value, FormErrors? errors = null,
        string? name = null, string? hint = null, bool small = true, string legendSize = "s")
    {
        var error = errors?.For(id);
        var describedBy = DescribedBy(id, hint, error);
        var html = new StringBuilder();
        html.Append($"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">");
        html.Append(describedBy is null ? "<fieldset class=\"govuk-fieldset\">" : $"<fieldset class=\"govuk-fieldset\" aria-describedby=\"{E(describedBy)}\">");
        html.Append($"<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--{E(legendSize)}\">{E(legend)}</legend>");
        AppendHintAndError(html, id, hint, error);
        html.Append($"<div class=\"govuk-radios{(small ? " govuk-radios--small" : "")}\" data-module=\"govuk-radios\">");
        var n = 0;
        foreach (var item in items)
        {
            n++;
            var itemId = n == 1 ? id : $"{id}-{n}";
            var chosen = string.Equals(item.Value, value ?? "", StringComparison.Ordinal) ? " checked" : "";
            html.Append("<div class=\"govuk-radios__item\">");
            html.Append($"<input class=\"govuk-radios__input\" id=\"{E(itemId)}\" name=\"{E(name ?? id)}\" type=\"radio\" value=\"{E(item.Value)}\"{chosen}>");
            html.Append($"<label class=\"govuk-label govuk-radios__label\" for=\"{E(itemId)}\">{E(item.Text)}</label></div>");
        }
        html.Append("</div></fieldset></div>");
        return new HtmlString(html.ToString());
    }

    /// <summary>A textarea in its form group, <paramref name="rows"/> high.</summary>
    public static IHtmlContent Textarea(string id, string label, string? value, FormErrors? errors = null, string? hint = null, int rows = 5,
        string? name = null)
    {
        var error = errors?.For(id);
        var describedBy = DescribedBy(id, hint, error);
        var html = new StringBuilder();
        html.Append($"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\">");
        html.Append($"<label class=\"govuk-label\" for=\"{E(id)}\">{E(label)}</label>");
        AppendHintAndError(html, id, hint, error);
        html.Append($"<textarea class=\"govuk-textarea{(error is null ? "" : " govuk-textarea--error")}\" id=\"{E(id)}\" name=\"{E(name ?? id)}\" rows=\"{rows}\"");
        if (describedBy is not null)
        {
            html.Append($" aria-describedby=\"{E(describedBy)}\"");
        }
        html.Append($">{E(value)}</textarea></div>");
        return new HtmlString(html.ToString());
    }

    private static readonly Dictionary<string, string> TagColours = new(StringComparer.Ordinal)
    {
        ["CONFIRMED"] = "green", ["COMPLETED"] = "green", ["SCHEDULED"] = "blue", ["WAITLISTED"] = "yellow",
        ["OFFERED"] = "turquoise", ["CANCELLED"] = "red", ["REFUSED"] = "red",
    };

    /// <summary>A status as a GOV.UK tag, coloured by what it means; <paramref name="text"/> defaults to the status's label.</summary>
    public static IHtmlContent Tag(string? status, string? text = null) =>
        new HtmlString($"<strong class=\"govuk-tag govuk-tag--{(TagColours.TryGetValue(status ?? "", out var colour) ? colour : "grey")}\">{E(text ?? Formatting.Format.Label(status))}</strong>");

    /// <summary>The error summary at the top of the page, linking to each field; nothing when there are no errors.</summary>
    public static IHtmlContent ErrorSummary(FormErrors? errors)
    {
        if (errors is null || !errors.Any)
        {
            return HtmlString.Empty;
        }
        var html = new StringBuilder();
        html.Append("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">");
        html.Append("<h2 class=\"govuk-error-summary__title\">There is a problem</h2>");
        html.Append("<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">");
        foreach (var error in errors.All)
        {
            html.Append($"<li><a href=\"#{E(error.FieldId)}\">{E(error.Message)}</a></li>");
        }
        html.Append("</ul></div></div></div>");
        return new HtmlString(html.ToString());
    }

    private static string? DescribedBy(string id, string? hint, string? error)
    {
        var ids = new List<string>();
        if (hint is not null)
        {
            ids.Add($"{id}-hint");
        }
        if (error is not null)
        {
            ids.Add($"{id}-error");
        }
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    private static void AppendHintAndError(StringBuilder html, string id, string? hint, string? error)
    {
        if (hint is not null)
        {
            html.Append($"<div class=\"govuk-hint\" id=\"{E(id)}-hint\">{E(hint)}</div>");
        }
        if (error is not null)
        {
            html.Append($"<p class=\"govuk-error-message\" id=\"{E(id)}-error\"><span class=\"govuk-visually-hidden\">Error:</span> {E(error)}</p>");
        }
    }
}
