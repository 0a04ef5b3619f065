global using System.Net;
global using Plusflat.Web.Tests.Infrastructure;

[assembly: CollectionBehavior(MaxParallelThreads = 2)]
