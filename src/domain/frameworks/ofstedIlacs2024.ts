/**
 * Criteria marked critical are the ones where a failure leaves children unsafe (the front door, child
 * protection enquiries, assessment, children missing or exploited): our reading, used by the projection
 * to cap a judgement, and a council can change it in its own framework file.
 *
 * Ofsted's ILACS framework as updated for 2023 onwards (care leavers judged separately from children in
 * care). Judgement names and the grade scale are Ofsted's exact words; the criteria are our own summary of
 * the evaluation criteria in the published framework, so they carry "partly-confirmed".
 */
/** The eleven Annex A lists, in Ofsted's order (see shared/domain/annex-a.md). */
export const ilacsAnnexAListTitles = [
  "Contacts",
  "Early help",
  "Referrals",
  "Assessments",
  "Section 47 enquiries and initial child protection conferences",
  "Children in need",
  "Child protection",
  "Children in care",
  "Care leavers",
  "Adoption",
  "Adopters",
];

export const ofstedIlacs2024 = {
  id: "ofsted-ilacs-2024",
  version: "2024.12",
  name: "Ofsted ILACS (Inspecting local authority children's services), 2024 to March 2026",
  inspectorate: "Ofsted",
  country: "England",
  inForceFrom: "2023-01-01",
  // Ofsted removed the overall effectiveness judgement from April 2026 (press release, 27 November 2025).
  inForceTo: "2026-03-31",
  supersededBy: "ofsted-ilacs-2026",
  confidence: "partly-confirmed",
  sources: [
    {
      id: "ilacs-framework",
      title: "Ofsted, Inspecting local authority children's services (framework, evaluation criteria and guidance)",
      reference: "gov.uk, first published November 2017; updated April 2024 and 13 December 2024",
    },
    {
      id: "ilacs-outcomes",
      title: "Ofsted, children's social care data: local authority inspection outcomes",
      reference: "gov.uk, published outcome tables",
    },
    {
      id: "sif-presentation-seed",
      title: "Committee minutes: presentation on the new multi-agency inspection framework",
      note: "Seed document 001; criteria that carried over from the single inspection framework",
    },
  ],
  scale: {
    id: "ofsted-four-point",
    grades: [
      { id: "outstanding", label: "Outstanding", rank: 4 },
      { id: "good", label: "Good", rank: 3 },
      { id: "requires-improvement", label: "Requires improvement to be good", rank: 2 },
      { id: "inadequate", label: "Inadequate", rank: 1 },
    ],
    confidence: "confirmed",
    sources: ["ilacs-framework", "ilacs-outcomes"],
  },
  judgements: [
    {
      id: "overall-effectiveness",
      name: "Overall effectiveness",
      kind: "overall",
      confidence: "confirmed",
      sources: ["ilacs-framework"],
      criteria: [],
    },
    {
      id: "leaders",
      name: "The impact of leaders on social work practice with children and families",
      kind: "key",
      confidence: "confirmed",
      sources: ["ilacs-framework"],
      criteria: [
        {
          ref: "LE-01",
          text: "Leaders know the quality of practice well: the self-evaluation matches what inspectors find, and plans follow from it.",
        },
        {
          ref: "LE-02",
          text: "Performance information and quality assurance, including case audit, are used to improve practice and are acted on.",
        },
        {
          ref: "LE-03",
          text: "Political and corporate leaders, as corporate parents, prioritise children and hold services to account.",
        },
        {
          ref: "LE-04",
          text: "The workforce is stable and sufficient: caseloads are manageable, supervision is regular and reflective, and training meets need.",
        },
        {
          ref: "LE-05",
          text: "There are enough suitable homes for children in care, commissioned in line with a current sufficiency strategy.",
        },
        {
          ref: "LE-06",
          text: "Leaders work with partners, including the safeguarding partnership, to make sure children get the right help.",
        },
        {
          ref: "LE-07",
          text: "Children's and families' views, complaints and feedback shape services, and leaders can show the difference this makes.",
        },
        {
          ref: "LE-08",
          text: "Leaders have acted on the findings of previous inspections and visits, with measurable impact.",
        },
      ],
    },
    {
      id: "help-and-protection",
      name: "The experiences and progress of children who need help and protection",
      kind: "key",
      confidence: "confirmed",
      sources: ["ilacs-framework"],
      criteria: [
        {
          ref: "HP-01",
          text: "Children and families get help early, at the right level, with effective early help and stepping up and down between services.",
        },
        {
          ref: "HP-02",
          text: "Contacts and referrals are responded to promptly; thresholds are understood and applied by the council and its partners.",
          critical: true,
        },
        {
          ref: "HP-03",
          text: "Strategy discussions and child protection enquiries are timely, involve the right agencies and are well recorded.",
          critical: true,
        },
        {
          ref: "HP-04",
          text: "Assessments are timely and proportionate, analyse risk and need, use the child's history and include the child's views.",
          critical: true,
        },
        {
          ref: "HP-05",
          text: "Plans for children in need and children subject to child protection plans are specific, reviewed and make a difference.",
        },
        {
          ref: "HP-06",
          text: "Social workers see children, alone where appropriate, and direct work helps them understand what is happening.",
        },
        {
          ref: "HP-07",
          text: "Risks from outside the home, going missing and exploitation are identified and reduced; return home interviews are offered and used.",
        },
        {
          ref: "HP-08",
          text: "Responses to domestic abuse, neglect and parental mental ill health and substance misuse are effective.",
        },
        {
          ref: "HP-09",
          text: "Allegations against adults who work with children are managed well through the designated officer (LADO).",
        },
        {
          ref: "HP-10",
          text: "Private fostering, homeless 16- and 17-year-olds, disabled children and children missing education get the help they need.",
        },
        { ref: "HP-11", text: "Pre-proceedings work under the Public Law Outline is timely and prevents drift." },
        { ref: "HP-12", text: "Children are safeguarded out of hours through an effective emergency duty service." },
      ],
    },
    {
      id: "children-in-care",
      name: "The experiences and progress of children in care",
      kind: "key",
      confidence: "confirmed",
      sources: ["ilacs-framework"],
      criteria: [
        {
          ref: "CIC-01",
          text: "Decisions for children to come into care are timely and in their best interests, with effective work in court.",
        },
        {
          ref: "CIC-02",
          text: "Permanence is planned early and achieved without delay, through reunification, adoption, special guardianship or long-term fostering.",
        },
        {
          ref: "CIC-03",
          text: "Children live in stable homes that meet their needs, close to their families and communities where that is right for them.",
        },
        {
          ref: "CIC-04",
          text: "Children's health needs are assessed and met, including their emotional and mental health.",
        },
        {
          ref: "CIC-05",
          text: "Children attend school and make progress; the virtual school and personal education plans make a difference.",
        },
        {
          ref: "CIC-06",
          text: "Children have trusted relationships with their social workers and can keep in touch with the people who matter to them.",
        },
        { ref: "CIC-07", text: "Independent reviewing officers oversee care plans and challenge drift." },
        {
          ref: "CIC-08",
          text: "Children who go missing or are at risk of exploitation are protected, including unaccompanied children seeking asylum.",
          critical: true,
        },
        {
          ref: "CIC-09",
          text: "Children's views, including through the children in care council, influence their plans and the services they receive.",
        },
      ],
    },
    {
      id: "care-leavers",
      name: "The experiences and progress of care leavers",
      kind: "key",
      confidence: "confirmed",
      sources: ["ilacs-framework"],
      criteria: [
        {
          ref: "CL-01",
          text: "Personal advisers know care leavers well and stay in touch, including those aged 21 to 25.",
        },
        {
          ref: "CL-02",
          text: "Pathway plans are up to date, written with the young person and address all of their needs.",
        },
        {
          ref: "CL-03",
          text: "Care leavers live in suitable, safe accommodation; staying put and staying close are used where right.",
        },
        {
          ref: "CL-04",
          text: "Care leavers are supported into education, employment and training, including apprenticeships.",
        },
        { ref: "CL-05", text: "Care leavers' health needs are met and they have a full health history." },
        {
          ref: "CL-06",
          text: "Care leavers know their entitlements and the local offer, which is generous and well publicised.",
        },
        {
          ref: "CL-07",
          text: "Care leavers at risk, including those in custody or with mental ill health, are well supported.",
        },
      ],
    },
  ].map((judgement) => ({
    ...judgement,
    criteria: judgement.criteria.map((criterion) => ({
      ...criterion,
      sources: ["ilacs-framework"],
      confidence: "partly-confirmed",
    })),
  })),
  linkingRules: [
    {
      id: "any-inadequate-limits-overall",
      description:
        "Overall effectiveness is likely to be Inadequate where any other judgement is Inadequate. Not confirmed verbatim in the framework: treat as guidance.",
      effect: {
        type: "cap",
        when: {
          judgements: ["leaders", "help-and-protection", "children-in-care", "care-leavers"],
          gradeAtMost: "inadequate",
        },
        cap: { judgement: "overall-effectiveness", grade: "inadequate" },
        certainty: "may",
      },
      confidence: "unconfirmed",
      sources: ["ilacs-framework"],
    },
  ],
  evidence: [
    ...ilacsAnnexAListTitles.map((title, i) => ({
      id: `annex-a-list-${i + 1}`,
      title: `Annex A list ${i + 1}: ${title}`,
      kind: "dataset",
      confidence: "confirmed",
      sources: ["ilacs-framework"],
    })),
    {
      id: "self-evaluation",
      title:
        "Self-evaluation of the quality and impact of social work practice (what you know, how you know it, plans for the next 12 months)",
      kind: "self-evaluation",
      confidence: "confirmed",
      sources: ["ilacs-framework"],
    },
  ],
  timeline: [
    {
      id: "standard-on-site",
      label: "Standard inspection: on site",
      amount: 2,
      unit: "weeks",
      confidence: "confirmed",
      sources: ["ilacs-framework"],
    },
    {
      id: "short-on-site",
      label: "Short inspection: on site",
      amount: 1,
      unit: "weeks",
      confidence: "confirmed",
      sources: ["ilacs-framework"],
    },
    {
      id: "notice",
      label: "Notice of a standard or short inspection",
      amount: 5,
      unit: "working-days",
      confidence: "unconfirmed",
      sources: ["ilacs-framework"],
    },
    {
      id: "annex-a-earliest",
      label: "Annex A lists prepared no sooner than the Wednesday of the week before the inspection",
      confidence: "confirmed",
      sources: ["ilacs-framework"],
    },
    {
      id: "action-plan-due",
      label: "Written post-inspection action plan",
      amount: 70,
      unit: "working-days",
      confidence: "confirmed",
      sources: ["ilacs-framework"],
    },
    {
      id: "focused-visit-draft-plan",
      label: "Draft plan after a focused visit with priority actions",
      amount: 20,
      unit: "working-days",
      confidence: "confirmed",
      sources: ["ilacs-framework"],
    },
  ],
  recommendationCategories: ["Areas for improvement"],
};
