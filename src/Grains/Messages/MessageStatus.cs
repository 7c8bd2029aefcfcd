namespace InclusionNetwork.Grains.Messages;

/// <summary>Where an outbox message is in its life, as the public contract names it.</summary>
public enum MessageStatus { PENDING, SENT, FAILED }
