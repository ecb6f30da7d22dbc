/**
 * Every message catalog of the task pane. One file per area and language,
 * `<area>.<language>.json`, keys prefixed with the area ("app.tab.settle"). A new area adds its
 * four files and one line per language below; test/taskpane/i18n-catalogs.test.ts checks that
 * every language has every key with the same ICU placeholders, and that every key the code uses
 * exists.
 */
import type { Language } from "../languages";
import appDa from "./app.da.json";
import appEn from "./app.en.json";
import appNb from "./app.nb.json";
import appSv from "./app.sv.json";
import agingDa from "./aging.da.json";
import agingEn from "./aging.en.json";
import agingNb from "./aging.nb.json";
import agingSv from "./aging.sv.json";
import dataDa from "./data.da.json";
import dataEn from "./data.en.json";
import dataNb from "./data.nb.json";
import dataSv from "./data.sv.json";
import creditDa from "./credit.da.json";
import creditEn from "./credit.en.json";
import creditNb from "./credit.nb.json";
import creditSv from "./credit.sv.json";
import bankDa from "./bank.da.json";
import bankEn from "./bank.en.json";
import bankNb from "./bank.nb.json";
import bankSv from "./bank.sv.json";
import collectDa from "./collect.da.json";
import collectEn from "./collect.en.json";
import collectNb from "./collect.nb.json";
import collectSv from "./collect.sv.json";
import commonDa from "./common.da.json";
import commonEn from "./common.en.json";
import commonNb from "./common.nb.json";
import commonSv from "./common.sv.json";
import settleDa from "./settle.da.json";
import settleEn from "./settle.en.json";
import settleNb from "./settle.nb.json";
import settleSv from "./settle.sv.json";
import writeoffDa from "./writeoff.da.json";
import writeoffEn from "./writeoff.en.json";
import writeoffNb from "./writeoff.nb.json";
import writeoffSv from "./writeoff.sv.json";

export type Catalog = Readonly<Record<string, string>>;

/** The catalogs of each area, per language. Add an area here. */
export const AREAS: Readonly<Record<string, Readonly<Record<Language, Catalog>>>> = {
  app: { en: appEn, sv: appSv, da: appDa, nb: appNb },
  aging: { en: agingEn, sv: agingSv, da: agingDa, nb: agingNb },
  credit: { en: creditEn, sv: creditSv, da: creditDa, nb: creditNb },
  data: { en: dataEn, sv: dataSv, da: dataDa, nb: dataNb },
  bank: { en: bankEn, sv: bankSv, da: bankDa, nb: bankNb },
  collect: { en: collectEn, sv: collectSv, da: collectDa, nb: collectNb },
  common: { en: commonEn, sv: commonSv, da: commonDa, nb: commonNb },
  settle: { en: settleEn, sv: settleSv, da: settleDa, nb: settleNb },
  writeoff: { en: writeoffEn, sv: writeoffSv, da: writeoffDa, nb: writeoffNb },
};

/** All messages of one language, merged across areas. */
export function messagesFor(language: Language): Catalog {
  const merged: Record<string, string> = {};
  for (const area of Object.values(AREAS)) Object.assign(merged, area[language]);
  return merged;
}
