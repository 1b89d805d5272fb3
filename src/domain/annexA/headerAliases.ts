/**
 * Other spellings of the template's column headers, as councils' case-management exports write them and
 * the regional pipelines' specs accept them (liia-tools' Annex_A_schema.yml matches headers by regular
 * expression per column; shared/domain/annex-a.md). Data only, keyed by the template's column name; the
 * list specs put each entry beside its column.
 *
 * - `synonyms` are whole headers, compared after the one header normaliser (normaliseAnnexHeader):
 *   case, spaces, quotes, "?", ":" and "." do not matter, so "No. of Referrals" and "No of referrals"
 *   are one spelling.
 * - `patterns` are regular expressions tried on the normalised header when no name or synonym matched.
 *   A header that more than one column's pattern takes is ambiguous and is matched to none (it is
 *   listed as an extra column), so a pattern can never quietly take the wrong column.
 */
export interface HeaderAliases {
  synonyms?: string[];
  patterns?: string[];
}

const COUNT = "(number|no|num|count|#)";
const YN = ["", " (y/n)", " y/n"];
const withYN = (names: string[]) => names.flatMap((n) => YN.map((s) => n + s));

export const HEADER_ALIASES: Record<string, HeaderAliases> = {
  "Child Unique ID": {
    synonyms: [
      "Child ID",
      "ChildID",
      "Child_ID",
      "Child Identifier",
      "Child Unique Identifier",
      "Unique Child ID",
      "Unique ID",
      "LA Child ID",
      "Person ID",
      "PersonID",
      "Person_ID",
      "Client ID",
      "Case ID",
      "ID",
    ],
    patterns: ["^(child|person|client)( unique)?[ _-]?(id|identifier|ref|reference|number)$"],
  },
  Gender: { synonyms: ["Gender Code", "Gender/Sex", "Sex/Gender", "Legal Sex", "Sex Code"] },
  Ethnicity: {
    synonyms: ["Ethnic Origin", "Ethnicity Code", "Ethnic Group", "Ethnic Code", "Ethnic Category", "Ethnicity (CBDS)"],
    patterns: ["ethnic"],
  },
  "Date of Birth": {
    synonyms: ["DOB", "D O B", "DoB", "Birth Date", "Date Of Birth (DOB)", "Child DOB", "Person DOB", "Birth_Date"],
    patterns: ["(date.*birth|birth.*date|^d ?o ?b$|\\bdob\\b)"],
  },
  "Age of Child (Years)": {
    synonyms: [
      "Age",
      "Age of Child",
      "Age (Years)",
      "Age in Years",
      "Age Years",
      "Child Age",
      "Child's Age",
      "Age of Child (Yrs)",
      "Age at Last Birthday",
    ],
    patterns: ["^(child('s|s)? )?age\\b(?!.*(assess|categor))"],
  },
  "Date of Contact": {
    synonyms: ["Contact Date", "Contact Start Date", "Date Contact Received", "Contact Received Date"],
    patterns: ["^(?!.*source).*(contact.*date|date.*contact)"],
  },
  "Contact Source": {
    synonyms: ["Source of Contact", "Contact Source Code", "Source", "Contact Referral Source"],
    patterns: ["^(?!.*date).*(contact.*source|source.*contact)"],
  },
  "Assessment start date": {
    synonyms: [
      "Early Help Assessment Start Date",
      "EH Assessment Start Date",
      "EHA Start Date",
      "Start Date",
      "Assessment Start",
      "Early Help Start Date",
    ],
    patterns: ["^(?!.*(complet|end)).*(assessment|eha?).*start"],
  },
  "Assessment completion date": {
    synonyms: [
      "Early Help Assessment Completion Date",
      "EH Assessment Completion Date",
      "EHA Completion Date",
      "Completion Date",
      "Assessment End Date",
      "Assessment Completed Date",
      "End Date",
    ],
    patterns: ["(assessment|eha?).*(complet|end)"],
  },
  "Organisation completing assessment": {
    synonyms: ["Organisation", "Lead Organisation", "Organisation Completing", "Completing Organisation", "Agency"],
    patterns: ["organi[sz]ation"],
  },
  "Date of referral": {
    synonyms: ["Referral Date", "Referral Start Date", "Date Referral Received", "Referral Received Date"],
    patterns: ["^(?!.*(source|nfa|number|no |count)).*(referral.*date|date.*referral)"],
  },
  "Referral Source": {
    synonyms: ["Source of Referral", "Referral Source Code", "Source"],
    patterns: ["^(?!.*date).*(referral.*source|source.*referral)"],
  },
  "Referral NFA?": {
    synonyms: [
      "NFA",
      "Referral NFA",
      "Referral NFA (Y/N)",
      "Referral No Further Action",
      "Was the Referral NFA",
      "NFA (Y/N)",
      "Referral Outcome NFA",
    ],
    patterns: ["(\\bnfa\\b|no further action)"],
  },
  "Number of Referrals in Last 12 Months": {
    synonyms: [
      "No. of Referrals in Last 12 Months",
      "Number of Referrals",
      "No. of Referrals",
      "Referrals in Last 12 Months",
      "Number of Previous Referrals",
      "Referrals (12 months)",
    ],
    patterns: [`${COUNT}.*referrals|referrals.*(12|twelve|last)`],
  },
  "Allocated Team": {
    synonyms: ["Team", "Team Name", "Allocated Team Name", "Responsible Team", "Current Team"],
    patterns: ["\\bteam\\b"],
  },
  "Allocated Worker": {
    synonyms: [
      "Worker",
      "Worker Name",
      "Social Worker",
      "Allocated Social Worker",
      "Allocated Worker Name",
      "Key Worker",
      "Lead Worker",
      "Responsible Worker",
      "Allocated Practitioner",
    ],
    patterns: ["^(?!.*personal advis).*(worker|practitioner)$"],
  },
  "Does the Child have a Disability": {
    synonyms: withYN(["Disability", "Disabled", "Child has a Disability", "Disability Status", "Has Disability"]),
    patterns: ["disab"],
  },
  Disability: { synonyms: withYN(["Adopter Disability", "Disabled", "Does the Adopter have a Disability"]) },
  "Continuous Assessment Start Date": {
    synonyms: [
      "Assessment Start Date",
      "Assessment Start",
      "C&F Assessment Start Date",
      "Single Assessment Start Date",
    ],
    patterns: ["^(?!.*(authoris|author|complet|end)).*assessment.*start"],
  },
  "Child Seen During Continuous Assessment": {
    synonyms: withYN(["Child Seen", "Child Seen During Assessment", "Was the Child Seen", "Seen During Assessment"]),
    patterns: ["^(?!.*alone).*seen(?!.*last)"],
  },
  "Continuous Assessment Date of Authorisation": {
    synonyms: [
      "Assessment Authorisation Date",
      "Date of Authorisation",
      "Authorisation Date",
      "Assessment Completion Date",
      "Assessment Completed Date",
      "Assessment End Date",
      "Date Assessment Authorised",
    ],
    patterns: ["authori[sz]", "assessment.*(complet|end)"],
  },
  "Was the child assessed as requiring LA children\u2019s social care support": {
    synonyms: withYN([
      "Requiring Social Care Support",
      "Requires Social Care Support",
      "Assessed as Requiring Support",
      "Further Support Required",
      "Assessment Outcome",
    ]),
    patterns: ["requir.*support"],
  },
  "Strategy discussion initiating Section 47 Enquiry Start Date": {
    synonyms: [
      "Strategy Discussion Date",
      "Date of Strategy Discussion",
      "Strategy Discussion Start Date",
      "S47 Start Date",
      "S47 Enquiry Start Date",
      "Section 47 Start Date",
      "Section 47 Enquiry Start Date",
      "Date S47 Started",
    ],
    patterns: ["strategy", "^(?!.*(number|no |count)).*(s ?47|section 47).*start"],
  },
  "Was an Initial Child Protection Conference deemed unnecessary?": {
    synonyms: withYN(["ICPC Unnecessary", "ICPC Not Required", "ICPC Deemed Unnecessary", "No ICPC Required"]),
    patterns: ["unnecessary|not required"],
  },
  "Date of Initial Child Protection Conference": {
    synonyms: ["ICPC Date", "Date of ICPC", "Initial Conference Date", "Initial Child Protection Conference Date"],
    patterns: ["^(?!.*(number|no |count)).*((icpc|initial (child protection )?conference).*date|date.*(icpc|initial))"],
  },
  "Did the Initial Child Protection Conference Result in a Child Protection Plan": {
    synonyms: withYN([
      "ICPC Outcome",
      "ICPC Resulted in CP Plan",
      "Resulted in CP Plan",
      "CP Plan from ICPC",
      "ICPC Result",
    ]),
    patterns: ["result", "icpc.*outcome"],
  },
  "Number of Section 47 Enquiries in the last 12 months": {
    synonyms: [
      "No. of S47s in Last 12 Months",
      "Number of S47 Enquiries",
      "No. of S47 Enquiries",
      "Number of S47s",
      "S47s in Last 12 Months",
      "Number of Section 47 Enquiries",
    ],
    patterns: [`${COUNT}.*(s ?47|section 47)|(s ?47|section 47)s? .*(12|twelve)`],
  },
  "Number of ICPCs in the last 12 months": {
    synonyms: ["No. of ICPCs in Last 12 Months", "Number of ICPCs", "No. of ICPCs", "ICPCs in Last 12 Months"],
    patterns: [`${COUNT}.*icpc|icpcs.*(12|twelve)`],
  },
  "CIN Start Date": {
    synonyms: [
      "Child in Need Start Date",
      "CIN Start",
      "CIN Episode Start Date",
      "Episode Start Date",
      "CIN Referral Date",
    ],
    patterns: ["(cin|child in need|episode).*start"],
  },
  "Primary Need Code": {
    synonyms: ["Primary Need", "Primary Need Category", "Category of Need", "Need Code", "CIN Primary Need"],
    patterns: ["primary need|category of need"],
  },
  "Date Child Was Last Seen": {
    synonyms: ["Last Seen Date", "Date Last Seen", "Child Last Seen", "Date Child Last Seen", "Last Seen"],
    patterns: ["last seen"],
  },
  "CIN Closure Date": {
    synonyms: [
      "CIN End Date",
      "CIN Close Date",
      "Closure Date",
      "Case Closure Date",
      "Episode End Date",
      "CIN Closed Date",
    ],
    patterns: ["^(?!.*reason).*(clos|(cin|episode).*end)"],
  },
  "Reason for Closure": {
    synonyms: [
      "Closure Reason",
      "CIN Closure Reason",
      "Reason Closed",
      "Closure Reason Code",
      "Reason for Closure Code",
    ],
    patterns: ["reason"],
  },
  "Case status": {
    synonyms: ["Status", "Case Status", "CIN Status", "Current Status"],
    patterns: ["status"],
  },
  "Child Protection Plan Start Date": {
    synonyms: ["CP Plan Start Date", "CPP Start Date", "CP Start Date", "Plan Start Date", "CP Plan Start"],
    patterns: ["^(?!.*(previous|number|no )).*(cp|cpp|child protection|plan).*start"],
  },
  "Initial Category of Abuse": {
    synonyms: ["Initial Category", "Initial Abuse Category", "Category of Abuse (Initial)", "Initial CP Category"],
    patterns: ["initial.*categ"],
  },
  "Latest Category of Abuse": {
    synonyms: [
      "Latest Category",
      "Latest Abuse Category",
      "Current Category of Abuse",
      "Category of Abuse (Latest)",
      "Current CP Category",
    ],
    patterns: ["(latest|current).*categ"],
  },
  "Date of the Last Statutory Visit": {
    synonyms: [
      "Last Statutory Visit",
      "Date of Last Statutory Visit",
      "Last Visit Date",
      "Last CP Visit",
      "Date of Last Visit",
      "Last Statutory Visit Date",
    ],
    patterns: ["visit"],
  },
  "Was the Child Seen Alone?": {
    synonyms: withYN(["Seen Alone", "Child Seen Alone", "Was Child Seen Alone"]),
    patterns: ["alone"],
  },
  "Date of latest review conference": {
    synonyms: [
      "Latest Review Conference",
      "Review Conference Date",
      "Date of Last Review Conference",
      "RCPC Date",
      "Last RCPC Date",
      "Latest RCPC Date",
    ],
    patterns: ["review conf|rcpc"],
  },
  "Child Protection Plan End Date": {
    synonyms: ["CP Plan End Date", "CPP End Date", "CP End Date", "Plan End Date", "CP Plan End"],
    patterns: ["(cp|cpp|child protection|plan).*end"],
  },
  "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)": {
    synonyms: withYN(["EPO", "Subject to EPO", "EPO or Police Protection", "EPO/PPO", "Emergency Protection Order"]),
    patterns: ["emergency protection|police (powers|protection)|\\bepo\\b"],
  },
  "Number of Previous Child Protection Plans": {
    synonyms: [
      "Previous CP Plans",
      "No. of Previous CP Plans",
      "Number of Previous CP Plans",
      "Previous Child Protection Plans",
      "Number of Previous Plans",
    ],
    patterns: ["previous.*(plan|cp)"],
  },
  "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)": {
    synonyms: withYN(["UASC", "Unaccompanied Asylum Seeking Child", "UASC Status", "UASC in Last 12 Months"]),
    patterns: ["uasc|asylum"],
  },
  "Date Started to be Looked After": {
    synonyms: [
      "CLA Start Date",
      "LAC Start Date",
      "Date Became Looked After",
      "Date Entered Care",
      "Period of Care Start Date",
      "Care Start Date",
      "Date Started Looked After",
      "Looked After Start Date",
      "Date Started to be LAC",
    ],
    patterns: [
      "^(?!.*(placement|legal|ceas|end)).*((cla|lac|looked after|care).*start|start.*(looked after|care)|entered care|became looked)",
    ],
  },
  "Child's Category of Need": {
    synonyms: ["Category of Need", "Primary Need", "Primary Need Code", "CLA Category of Need", "Need Code"],
    patterns: ["categ.*need|primary need"],
  },
  "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)": {
    synonyms: withYN([
      "Second or Subsequent Period",
      "Subsequent Period of Care",
      "Second or Subsequent Period of Care",
    ]),
    patterns: ["subsequent|second"],
  },
  "Start date of current legal status": {
    synonyms: [
      "Legal Status Start Date",
      "Legal Status Start",
      "Current Legal Status Start Date",
      "Date of Legal Status",
    ],
    patterns: ["legal status.*(start|date)|(start|date).*legal status"],
  },
  "Child's Legal Status": {
    synonyms: ["Legal Status", "Current Legal Status", "Legal Status Code"],
    patterns: ["^(?!.*(start|date)).*legal status"],
  },
  "Date of Latest Statutory Review": {
    synonyms: [
      "Latest Review Date",
      "Last Review Date",
      "Date of Last Review",
      "LAC Review Date",
      "CLA Review Date",
      "Latest Statutory Review",
      "Date of Latest Review",
    ],
    patterns: ["review"],
  },
  "Date of Last Social Work Visit": {
    synonyms: [
      "Last Social Work Visit",
      "Last SW Visit",
      "Date of Last SW Visit",
      "Last Social Worker Visit",
      "Last Visit Date",
      "Date of Last Visit",
      "Last Statutory Visit",
    ],
    patterns: ["^(?!.*iro).*visit"],
  },
  "What is the permanence plan for this child?": {
    synonyms: ["Permanence Plan", "Permanency Plan", "Plan for Permanence", "Permanence Plan Code"],
    patterns: ["permanen"],
  },
  "Date of Last IRO Visit / Contact to the Child": {
    synonyms: [
      "Last IRO Visit",
      "Date of Last IRO Visit",
      "Last IRO Contact",
      "Date of Last IRO Contact",
      "IRO Visit Date",
    ],
    patterns: ["\\biro\\b"],
  },
  "Date of Last Health Assessment": {
    synonyms: [
      "Last Health Assessment",
      "Health Assessment Date",
      "Last Health Assessment Date",
      "Date of Health Assessment",
    ],
    patterns: ["health"],
  },
  "Date of Last Dental Check": {
    synonyms: [
      "Last Dental Check",
      "Dental Check Date",
      "Last Dental Check Date",
      "Date of Dental Check",
      "Last Dental Visit",
    ],
    patterns: ["dental"],
  },
  "Number of Placements in the Last 12 months": {
    synonyms: [
      "No. of Placements in Last 12 Months",
      "Number of Placements",
      "No. of Placements",
      "Placements in Last 12 Months",
      "Placement Moves in Last 12 Months",
    ],
    patterns: [`${COUNT}.*placements|placements.*(12|twelve)`],
  },
  "Date Ceased to be Looked After ": {
    synonyms: [
      "CLA End Date",
      "LAC End Date",
      "Date Ceased",
      "Ceased Date",
      "Date Left Care",
      "Date Ceased Looked After",
      "Period of Care End Date",
      "Care End Date",
      "Date Ceased to be LAC",
    ],
    patterns: ["^(?!.*reason).*(ceas|left care|(cla|lac|care).*end)"],
  },
  "Reason Ceased to be Looked After": {
    synonyms: [
      "Reason Ceased",
      "Reason for Ceasing",
      "Ceased Reason",
      "Reason for Leaving Care",
      "Reason Episode Ceased",
      "Reason Ceased Code",
    ],
    patterns: ["reason"],
  },
  "Start Date of Most Recent Placement": {
    synonyms: [
      "Placement Start Date",
      "Latest Placement Start Date",
      "Current Placement Start Date",
      "Most Recent Placement Start Date",
      "Date of Current Placement",
    ],
    patterns: ["placement.*start|start.*placement"],
  },
  "Placement Type": {
    synonyms: ["Placement Type Code", "Type of Placement", "Current Placement Type"],
    patterns: ["placement type|type of placement"],
  },
  "Placement Provider": {
    synonyms: ["Provider", "Placement Provider Code", "Provider Type", "Placement Provider Type"],
    patterns: ["provider"],
  },
  "Placement postcode": {
    synonyms: ["Postcode", "Post Code", "Placement Post Code", "Placement Postal Code"],
    patterns: ["post ?code"],
  },
  "URN of Placement": {
    synonyms: ["URN", "Placement URN", "Ofsted URN", "Provider URN"],
    patterns: ["\\burn\\b"],
  },
  "Placement Location": {
    synonyms: [
      "Location",
      "In/Out of LA",
      "In or Out of LA",
      "Placement Location (In/Out)",
      "Placed In or Out of Area",
      "In/Out of Area",
    ],
    patterns: ["placement location|in ?/ ?out|in or out"],
  },
  "LA of Placement": {
    synonyms: [
      "Placement LA",
      "Placement Local Authority",
      "LA Placed In",
      "Local Authority of Placement",
      "Placing LA",
    ],
    patterns: ["^(?!.*(in ?/ ?out|location)).*(la|local authority) of placement|placement (la|local authority)"],
  },
  "Number of Episodes the Child has been \u2018Missing\u2019 from their Placement in the last 12 months": {
    synonyms: [
      "Missing Episodes",
      "Number of Missing Episodes",
      "No. of Missing Episodes",
      "Missing Episodes in Last 12 Months",
      "Number of Times Missing",
    ],
    patterns: ["^(?!.*(return|interview|rhi)).*missing"],
  },
  "Number of Episodes the Child has been \u2018Absent\u2019 from their Placement in the last 12 months": {
    synonyms: [
      "Absent Episodes",
      "Number of Absent Episodes",
      "No. of Absent Episodes",
      "Absence Episodes",
      "Number of Absences",
    ],
    patterns: ["^(?!.*(return|interview|rhi)).*absen"],
  },
  "Was the child offered a Return Interview after their last missing episode (Y/N)?": {
    synonyms: withYN([
      "Return Interview Offered",
      "RHI Offered",
      "Offered Return Interview",
      "Return Home Interview Offered",
    ]),
    patterns: ["offer"],
  },
  "Did the child accept a Return Interview after their last missing episode (Y/N)?": {
    synonyms: withYN([
      "Return Interview Accepted",
      "RHI Accepted",
      "Accepted Return Interview",
      "Return Home Interview Accepted",
    ]),
    patterns: ["accept"],
  },
  "Eligibility Category": {
    synonyms: [
      "Eligibility",
      "Care Leaver Eligibility",
      "Care Leaver Category",
      "Leaving Care Category",
      "Eligibility Status",
    ],
    patterns: ["eligib"],
  },
  "LA In Touch ": {
    synonyms: ["In Touch", "LA in Touch", "In Touch Code", "In Touch Status", "LA In Touch Code", "Contact Status"],
    patterns: ["in touch"],
  },
  "Type of Accommodation": {
    synonyms: [
      "Accommodation",
      "Accommodation Type",
      "Accommodation Code",
      "Type of Accommodation Code",
      "Current Accommodation",
    ],
    patterns: ["^(?!.*suitab).*accommodation"],
  },
  "Suitability of Accommodation": {
    synonyms: ["Suitability", "Accommodation Suitability", "Suitable Accommodation", "Accommodation Suitable"],
    patterns: ["suitab"],
  },
  "Activity Status": {
    synonyms: ["Activity", "Main Activity", "Activity Code", "EET Status", "Education Employment Training Status"],
    patterns: ["activity|\\beet\\b"],
  },
  "Family identifier": {
    synonyms: ["Family ID", "Family Identifier", "FamilyID", "Family Reference", "Sibling Group ID"],
    patterns: ["family.*(id|ref)"],
  },
  "Date the Child Entered Care": {
    synonyms: [
      "Date Entered Care",
      "Date Child Entered Care",
      "Date Started to be Looked After",
      "CLA Start Date",
      "LAC Start Date",
      "Care Start Date",
      "Date Became Looked After",
    ],
    patterns: ["entered care|(cla|lac|looked after|care).*start|became looked"],
  },
  "Date of Decision that Child Should be Placed for Adoption": {
    synonyms: [
      "ADM Decision Date",
      "Date of ADM Decision",
      "SHOBPA Date",
      "Date of SHOBPA Decision",
      "Should be Placed for Adoption Date",
      "Best Interest Decision Date",
      "Date of Best Interest Decision",
      "Adoption Decision Date",
    ],
    patterns: ["^(?!.*no longer).*(adm|shobpa|best interest|decision)"],
  },
  "Date of Placement Order": {
    synonyms: ["Placement Order Date", "PO Date", "Date Placement Order Granted"],
    patterns: ["placement order"],
  },
  "Date of Matching Child and Prospective Adopters": {
    synonyms: ["Matching Date", "Date Matched", "Date of Match", "Match Date", "Date Matched with Adopters"],
    patterns: ["match"],
  },
  "Date Placed for Adoption": {
    synonyms: [
      "Placed for Adoption Date",
      "Adoptive Placement Date",
      "Date of Adoptive Placement",
      "Date Placed with Adopters",
    ],
    patterns: ["^(?!.*(decision|no longer|ffa|foster|concurrent)).*placed (for adoption|with adopter)"],
  },
  "Date of Adoption Order ": {
    synonyms: ["Adoption Order Date", "AO Date", "Date Adoption Order Granted", "Date Adopted"],
    patterns: ["adoption order|date adopted"],
  },
  "Date of Decision that Child Should No Longer be Placed for Adoption": {
    synonyms: [
      "Date No Longer Placed for Adoption",
      "Date of Decision No Longer to be Placed",
      "Reversal Decision Date",
      "Date of Reversal",
      "Date Plan Changed from Adoption",
    ],
    patterns: ["^(?!.*reason).*(no longer|revers)"],
  },
  "Reason Why Child No Longer Placed for Adoption": {
    synonyms: [
      "Reason No Longer Placed",
      "Reason for Reversal",
      "Reversal Reason",
      "Reason No Longer Placed for Adoption",
    ],
    patterns: ["reason"],
  },
  "Date the child was placed for fostering in FFA or concurrent planning placement": {
    synonyms: [
      "FFA Date",
      "Date Placed in FFA",
      "FFA Placement Date",
      "Date Placed FFA",
      "Concurrent Planning Placement Date",
      "FFA or Concurrent Placement Date",
    ],
    patterns: ["ffa|fostering for adoption|concurrent"],
  },
  "Individual adopter identifier": {
    synonyms: [
      "Adopter ID",
      "Adopter Identifier",
      "Individual Adopter ID",
      "Adopter Unique ID",
      "AdopterID",
      "Adopter Reference",
    ],
    patterns: ["adopter.*(id|ref)"],
  },
  "Is the (prospective) adopter fostering for adoption?": {
    synonyms: withYN(["FFA", "Fostering for Adoption", "Is the Adopter Fostering for Adoption", "FFA Carer"]),
    patterns: ["fostering for adoption|\\bffa\\b"],
  },
  "Date enquiry received": {
    synonyms: ["Enquiry Date", "Date of Enquiry", "Enquiry Received Date", "Date of Initial Enquiry"],
    patterns: ["enquiry"],
  },
  "Date Stage 1 started": {
    synonyms: ["Stage 1 Start Date", "Stage One Start Date", "Date Stage One Started", "Stage 1 Start"],
    patterns: ["stage (1|one).*start|start.*stage (1|one)"],
  },
  "Date Stage 1 ended": {
    synonyms: ["Stage 1 End Date", "Stage One End Date", "Date Stage One Ended", "Stage 1 End", "Stage 1 Completed"],
    patterns: ["stage (1|one).*(end|complet)|(end|complet).*stage (1|one)"],
  },
  "Date Stage 2 started": {
    synonyms: ["Stage 2 Start Date", "Stage Two Start Date", "Date Stage Two Started", "Stage 2 Start"],
    patterns: ["stage (2|two).*start|start.*stage (2|two)"],
  },
  "Date Stage 2 ended": {
    synonyms: ["Stage 2 End Date", "Stage Two End Date", "Date Stage Two Ended", "Stage 2 End", "Stage 2 Completed"],
    patterns: ["stage (2|two).*(end|complet)|(end|complet).*stage (2|two)"],
  },
  "Date application submitted": {
    synonyms: ["Application Submitted Date", "Application Date", "Date of Application", "Date Application Received"],
    patterns: ["application.*(submit|received|date)|date.*application(?!.*approv)"],
  },
  "Date application approved": {
    synonyms: ["Approval Date", "Date Approved", "Application Approved Date", "Date of Approval"],
    patterns: ["approv"],
  },
  "Date adopter matched with child(ren)": {
    synonyms: ["Date Matched", "Matching Date", "Match Date", "Date Matched with Child"],
    patterns: ["match"],
  },
  "Date child/children placed with adopter(s)": {
    synonyms: ["Date Placed", "Placement Date", "Date Child Placed", "Date Children Placed"],
    patterns: ["^(?!.*(number|no |count)).*placed"],
  },
  "No. of children placed": {
    synonyms: ["Number of Children Placed", "Children Placed", "No of Children Placed", "Number Placed"],
    patterns: [`${COUNT}.*(children|placed)`],
  },
  "Date of Adoption Order": {
    synonyms: ["Adoption Order Date", "AO Date", "Date Adoption Order Granted"],
    patterns: ["adoption order"],
  },
  "Date of leaving adoption process": {
    synonyms: ["Date Left Process", "Date Left Adoption Process", "Leaving Date", "Date Withdrew", "Date of Leaving"],
    patterns: ["^(?!.*reason).*(leaving|left|withdr)"],
  },
  "Reason for leaving adoption process": {
    synonyms: ["Reason for Leaving", "Leaving Reason", "Reason Left Process", "Reason Left"],
    patterns: ["reason"],
  },
};
