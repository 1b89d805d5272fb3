import { ofstedIlacs2024 } from "./ofstedIlacs2024";

/**
 * ILACS as it stood from 2018 until January 2023, when children in care and care leavers were one
 * judgement. Kept so plans made then stay readable and refreshable; criteria are shared with 2024.
 */
const judgement = (id: string) => ofstedIlacs2024.judgements.find((j) => j.id === id)!;
const inCare = judgement("children-in-care");
const leavers = judgement("care-leavers");

export const ofstedIlacs2018 = {
  ...ofstedIlacs2024,
  id: "ofsted-ilacs-2018",
  version: "2018.1",
  name: "Ofsted ILACS (Inspecting local authority children's services), 2018 to 2022",
  inForceFrom: "2018-01-01",
  inForceTo: "2022-12-31",
  // Refreshing keeps a plan on its own framework's versions: moving it to the 2023 split of children in
  // care and care leavers is a choice for the council (refresh --framework).
  supersededBy: undefined,
  judgements: [
    judgement("overall-effectiveness"),
    judgement("leaders"),
    judgement("help-and-protection"),
    {
      ...inCare,
      id: "children-in-care-and-care-leavers",
      name: "The experiences and progress of children in care and care leavers",
      criteria: [...inCare.criteria, ...leavers.criteria],
    },
  ],
  linkingRules: ofstedIlacs2024.linkingRules.map((rule) => ({
    ...rule,
    effect: {
      ...rule.effect,
      when: {
        ...rule.effect.when,
        judgements: ["leaders", "help-and-protection", "children-in-care-and-care-leavers"],
      },
    },
  })),
};
