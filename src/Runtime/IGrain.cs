namespace InclusionNetwork.Runtime;

/// <summary>Marker for every grain interface. A grain interface derives from exactly one of the key kinds below.</summary>
public interface IGrain;

/// <summary>A grain addressed by a string key.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain addressed by a 64-bit integer key (stored as its invariant decimal text).</summary>
public interface IGrainWithIntegerKey : IGrain;

/// <summary>A grain addressed by a GUID key (stored in its "D" text form).</summary>
public interface IGrainWithGuidKey : IGrain;
