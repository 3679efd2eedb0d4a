import account from "./account";
import auth from "./auth";
import boards from "./boards";
import call from "./call";
import boardEditor from "./boardEditor";
import boardOutline from "./boardOutline";
import common from "./common";
import facilitatorConsole from "./console";
import errors from "./errors";
import live from "./live";
import livetools from "./livetools";
import livechat from "./livechat";
import people from "./people";
import polls from "./polls";
import registration from "./registration";
import workshop from "./workshop";

export default { common, auth, account, people, errors, workshop, registration, live, console: facilitatorConsole, livechat, livetools, polls, boards, boardEditor, boardOutline, call };
