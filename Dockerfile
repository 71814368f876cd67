# syntax=docker/dockerfile:1
# Build:  docker build -t mtls-operator:dev .
# The runtime image is Microsoft's chiseled ASP.NET Core image: no shell, no package manager, runs as the
# non-root user "app" (uid 1654), works with a read-only root filesystem.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Restore first, from the project files and the central version pins only, so the layer is cached until a
# dependency changes. Versions come from Directory.Packages.props, nothing floats.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/MtlsOperator.Runtime/MtlsOperator.Runtime.csproj src/MtlsOperator.Runtime/
COPY src/MtlsOperator/MtlsOperator.csproj src/MtlsOperator/
RUN dotnet restore src/MtlsOperator/MtlsOperator.csproj

COPY src/MtlsOperator.Runtime/ src/MtlsOperator.Runtime/
COPY src/MtlsOperator/ src/MtlsOperator/
RUN dotnet publish src/MtlsOperator/MtlsOperator.csproj --no-restore -c Release -o /app \
    -p:UseAppHost=true -p:DebugType=none -p:GenerateDocumentationFile=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build /app ./
# No diagnostics IPC socket in /tmp: the container runs with a read-only root filesystem.
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_gcServer=0
USER $APP_UID
EXPOSE 8080 8081
ENTRYPOINT ["/app/mtls-operator"]
CMD ["run"]
