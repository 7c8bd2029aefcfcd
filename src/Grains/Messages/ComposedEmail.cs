namespace InclusionNetwork.Grains.Messages;

/// <summary>A message ready for the outbox: subject, plain text, and the same words as HTML.</summary>
public sealed record ComposedEmail(string Subject, string Text, string Html);
