import { graphql } from "../generated";

export const LOGIN = graphql(`
  mutation ConsoleLogin($phone: String!, $password: String!, $smsCode: String) {
    login(phone: $phone, password: $password, smsCode: $smsCode) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }
  }
`);
export const LOGIN_SMS = graphql(`
  mutation ConsoleLoginWithSmsCode($phone: String!, $code: String!) {
    loginWithSmsCode(phone: $phone, code: $code) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }
  }
`);
export const REQUEST_SMS = graphql(`
  mutation ConsoleRequestSmsCode($phone: String!) { requestSmsCode(phone: $phone, purpose: LOGIN) { expiresAt resendAfterSeconds } }
`);
export const REFRESH = graphql(`
  mutation ConsoleRefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) { accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt }
  }
`);
export const LOGOUT = graphql(`mutation ConsoleLogout($refreshToken: String!) { logout(refreshToken: $refreshToken) }`);
export const ME = graphql(`
  query ConsoleMe {
    me { id displayName role phone region { code name } venue { id name type status regionCode } }
  }
`);
