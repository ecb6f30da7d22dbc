import { parseMoney, minorFromNumber } from "../src/domain/money";
for (const v of [0.0999999999999998, 0.0999999999999997, 500000000000.001, 99000000000.0001, 0.1+0.2, 1.005, 1234.56, 12.34, 9007199254740991, 1e15, 999999999999999, 0.3, 1e300, 0.07, 1.1, 123456789012.34]) console.log(v, minorFromNumber(v, 100), JSON.stringify(parseMoney(v, 2)), JSON.stringify(parseMoney(v,3)));
