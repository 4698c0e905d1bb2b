# Image for the helm chart (not built in this repository's CI: the build machines have no Docker engine).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/OrleansScim.Host -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
USER app
EXPOSE 8080 11111 30000
ENTRYPOINT ["dotnet", "OrleansScim.Host.dll"]
