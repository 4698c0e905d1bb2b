# Image for the Helm chart (helm/orleans-scim). Not built in this repository's CI: the build machines
# have no Docker engine. Build from the repository root:
#
#   docker build -t orleans-scim:0.1.0 .
#
# The tag is the chart's appVersion (helm/orleans-scim/Chart.yaml), which the chart uses when image.tag
# is empty.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore in a layer of its own: it is rebuilt only when the build props or a project file change, not
# on every source edit.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/OrleansScim.Protocol/OrleansScim.Protocol.csproj src/OrleansScim.Protocol/
COPY src/OrleansScim.Grains/OrleansScim.Grains.csproj src/OrleansScim.Grains/
COPY src/OrleansScim.Host/OrleansScim.Host.csproj src/OrleansScim.Host/
RUN dotnet restore src/OrleansScim.Host

# The sources, and .editorconfig: the build enforces code style (EnforceCodeStyleInBuild with warnings as
# errors), so it must see the same rules as CI.
COPY .editorconfig ./
COPY src/ src/
RUN dotnet publish src/OrleansScim.Host -c Release -o /app --no-restore --nologo -p:UseAppHost=false

# Runtime image: identity normalization (userName, displayName, emails) needs ICU for Unicode NFKC and
# culture-aware case folding (Directory.Build.props sets InvariantGlobalization=false), so the plain
# chiseled image, which has no ICU and runs in invariant mode, would be wrong. The -extra chiseled
# variant keeps ICU and tzdata while staying distroless: no shell, no package manager, non-root by
# default, a much smaller attack surface than aspnet:10.0. Having no shell is also why the chart's
# preStop hook is a `sleep` action (Kubernetes 1.30+) rather than an exec of /bin/sleep.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra
WORKDIR /app
# Belt and braces: the app's runtimeconfig already turns invariant mode off.
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
    ASPNETCORE_CONTENTROOT=/app
COPY --from=build /app .
# The .NET images' "app" user, numerically, so Kubernetes' runAsNonRoot can verify it without /etc/passwd.
USER 1654
# 8080 SCIM + health, 8081 admin listener (Admin__Urls), 11111 silo, 30000 gateway.
EXPOSE 8080 8081 11111 30000
ENTRYPOINT ["dotnet", "OrleansScim.Host.dll"]
