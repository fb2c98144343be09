// Build-time tool: dotnet StreamFinance.AvroCodeGen.dll <avroDir> <outDir>
return StreamFinance.AvroCodeGen.AvroCodeGenerator.Run(args, Console.Out, Console.Error);
