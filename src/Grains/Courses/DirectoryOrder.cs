namespace InclusionNetwork.Grains.Courses;

/// <summary>How the directory orders courses: by next upcoming run, by title, or by free-text rank.</summary>
public enum DirectoryOrder { SOONEST, TITLE, RELEVANCE }
