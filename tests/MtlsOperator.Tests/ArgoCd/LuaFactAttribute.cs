using MtlsOperator.Tests.Support;

namespace MtlsOperator.Tests.ArgoCd;

/// <summary>A theory that needs Debian's Lua interpreter; skipped with the install hint when it is absent (CI installs it).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LuaTheoryAttribute : TheoryAttribute
{
    /// <summary>The Lua interpreter, or null.</summary>
    internal static readonly string? Interpreter = ExternalTool.Find("lua5.4", "lua5.3", "lua");

    /// <summary>Sets Skip when no interpreter is installed.</summary>
    public LuaTheoryAttribute()
    {
        if (Interpreter is null)
        {
            Skip = "no Lua interpreter: apt-get install lua5.4";
        }
    }
}
